using NewsDesk.Api;
using NewsDesk.Digests;

namespace NewsDesk.Hosting;

/// <summary>
/// Builds the two kinds of host: the worker (Kestrel for health and the read API, Quartz for the schedule) and the
/// plain host the one-shot CLI commands use. Configuration, in rising precedence: appsettings.json beside the
/// executable, environment variables (NewsDesk__Storage__Path...), command-line arguments, then overrides.
/// </summary>
public static class NewsDeskHost
{
    private const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// `--NewsDesk:Key=value` arguments, which every command accepts (CommandLine takes them out before parsing).
    /// They rank above the environment and below a command's own overrides, in whatever host the command builds.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> CommandLineSettings { get; set; } = new Dictionary<string, string?>();

    public static WebApplication CreateWorker(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        Configure(builder, overrides);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        ThrowIfInvalid(builder.Configuration);
        var options = builder.Configuration.GetSection(NewsDeskOptions.Section).Get<NewsDeskOptions>() ?? new NewsDeskOptions();
        var digest = builder.Configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        var feeds = FeedRegistry.Load(options.FeedsFile);
        builder.Services.AddSingleton(new FeedRegistry(feeds));
        builder.AddNewsDeskScheduling(feeds, digest, options.ShutdownTimeout);
        builder.AddDeskAlerts();
        builder.Services.AddNewsDeskApi();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        builder.AddNewsDeskMetrics();
        builder.AddNewsDeskTracing();

        var app = builder.Build();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false, ResponseWriter = LivenessResponse.WriteAsync });
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapNewsDeskMetrics();
        app.MapDigestEndpoints();
        app.MapArticleEndpoints();
        app.MapStoryAndFeedEndpoints();
        app.MapAdminEndpoints();
        app.MapRetagEndpoints();
        app.MapEditorPage();
        return app;
    }

    /// <summary>
    /// The worker reads the digest time, its zone and the feed list while it builds its schedule, before the options'
    /// own start-up validation runs; so every section is validated first, and a bad value ends `run` with the same
    /// message `config check` gives, not an exception from deep inside the schedule. A key no setting reads is a
    /// warning here (an error in `config check`): the worker still runs on the rest.
    /// </summary>
    private static void ThrowIfInvalid(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddSingleton(configuration);
        services.AddLogging();
        using var provider = services.AddNewsDeskPipeline().BuildServiceProvider();
        var problems = ConfigurationReport.OptionsProblems(provider);
        if (problems.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(NewsDeskOptions.Section, typeof(NewsDeskOptions), problems);
        }

        foreach (var unknown in ConfigurationReport.UnknownKeys(configuration))
        {
            Console.Error.WriteLine($"newsdesk: warning: {unknown}");
        }
    }

    public static IHost CreateTool(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        Configure(builder, overrides);
        return builder.Build();
    }

    private static void Configure(IHostApplicationBuilder builder, IReadOnlyDictionary<string, string?>? overrides)
    {
        if (CommandLineSettings.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(CommandLineSettings);
        }

        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["NewsDesk:LogFormat"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.UseUtcTimestamp = true;
            });
        }

        // The generic host logs a failed start or stop (a port already in use) with the whole stack trace, then
        // throws; CommandLine reports the same exception in one line (the trace with --verbose), so the log adds only
        // the trace that the CLI contract keeps out of a failure's output. The host logs nothing else above Debug.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // Logs go to stderr so that commands which print results (export, feeds inspect) keep stdout clean.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddNewsDeskPipeline();
    }
}
