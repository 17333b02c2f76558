using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Extraction;
using NewsDesk.Fetching;
using NewsDesk.Parsing;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Hosting;

/// <summary>Registers every pipeline stage, the store and validated options. Shared by the worker and the CLI commands.</summary>
public static class PipelineServices
{
    public static IServiceCollection AddNewsDeskPipeline(this IServiceCollection services)
    {
        services.AddOptions<NewsDeskOptions>().BindConfiguration(NewsDeskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.ProxyIsUsable, "NewsDesk:Fetch:Proxy must be an http:// URL with a host and port only, such as http://proxy.internal:3128.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations()
            .Validate(o => TryZone(o.TimeZone), "NewsDesk:Digest:TimeZone is not a known time zone id (use an IANA id such as Europe/London).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DeskNamesValidation>();

        services.AddOptions<MachineSummaryOptions>().BindConfiguration(MachineSummaryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.Smtp.AddRecipients(configuration[$"{DeliveryOptions.Section}:Smtp:To"]))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.IsOtlp || o.OtlpEndpoint is { IsAbsoluteUri: true }, "NewsDesk:Metrics:OtlpEndpoint is required (an absolute URL such as http://collector:4317) when NewsDesk:Metrics:Exporter is otlp.")
            .ValidateOnStart();
        services.AddOptions<TracingOptions>().BindConfiguration(TracingOptions.Section)
            .Validate(o => o.OtlpEndpoint is null || o.OtlpEndpoint.IsAbsoluteUri, "NewsDesk:Tracing:OtlpEndpoint must be an absolute URL such as http://collector:4317.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations()
            .Validate(o => Quartz.CronExpression.TryParse(o.Schedule, out _), "NewsDesk:Retention:Schedule is not a valid Quartz cron expression (with seconds, e.g. '0 30 3 * * ?').")
            .ValidateOnStart();
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // Both clients retry transient faults with the same policy (TransientRetry), bounded and logged.
        services.AddHttpClient(DigestDelivery.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddResilienceHandler("delivery", TransientRetry.Configure);
        services.AddHttpClient(HttpFetcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => FetchHandlerFactory.Create(sp.GetRequiredService<IOptions<FetchOptions>>().Value))
            .AddResilienceHandler("fetch", TransientRetry.Configure);

        services.AddSingleton(CreateRequestLimiter);
        services.AddSingleton<HttpFetcher>();
        services.AddSingleton<FeedParser>();
        services.AddSingleton<ArticleExtractor>();
        services.AddSingleton(sp => LoadTaxonomy(sp.GetRequiredService<IOptions<NewsDeskOptions>>().Value));
        services.AddSingleton<ThemeTagger>();
        services.AddSingleton<ExtractiveSummarizer>();
        // The configured window is the one matching uses, not only how far back candidates are looked up.
        services.AddSingleton(sp => new StoryMatcher(new StoryMatcherOptions { TimeWindow = sp.GetRequiredService<IOptions<PipelineOptions>>().Value.StoryWindow }));
        // LiteDB (one worker, a file) or PostgreSQL (several workers, one database): NewsDesk:Storage:Provider.
        services.AddSingleton(sp => NewsStores.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddMetrics();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<ArticlePipeline>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestPublisher>();
        services.AddSingleton<DigestDelivery>();
        services.AddSingleton<MachineSummarizer>();
        services.AddSingleton<EditorsNoteWriter>();
        services.AddSingleton<FeedRegistry>();
        return services;
    }

    /// <summary>With PostgreSQL the per-host limit is the cluster's: every worker on the database takes its slots there.</summary>
    private static RequestLimiter CreateRequestLimiter(IServiceProvider services)
    {
        var fetch = services.GetRequiredService<IOptions<FetchOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var cluster = storage.IsPostgres ? new ClusterHostGate(Npgsql.NpgsqlDataSource.Create(storage.ConnectionString!), fetch.MaxConnectionsPerHost) : null;
        return new RequestLimiter(fetch.MaxConnectionsPerHost, fetch.MaxConcurrentRequests, cluster);
    }

    private static Taxonomy LoadTaxonomy(NewsDeskOptions options) =>
        string.IsNullOrWhiteSpace(options.TaxonomyFile) ? Taxonomy.LoadDefault() : Taxonomy.Load(options.TaxonomyFile);

    private static bool TryZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}
