using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsDesk.Api;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Fetching;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Hosting;

/// <summary>
/// What `config check` and `config show` report: every options section validated on its own (so one run lists every
/// bad key), the feed list and the taxonomy with its gazetteer; and the effective settings with secrets redacted.
/// </summary>
public static partial class ConfigurationReport
{
    public const string Redacted = "***";

    // Settings only: computed properties (Enabled, IsUsable...) are not configuration and are left out.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.Set is null).ToList())
                    {
                        info.Properties.Remove(property);
                    }
                },
            },
        },
    };

    /// <summary>The sections under "NewsDesk" and their options types, in the order `config show` prints them.</summary>
    private static readonly (string Name, Type Type, Action<IServiceProvider> Validate)[] Sections =
    [
        Section<StorageOptions>("Storage"),
        Section<FetchOptions>("Fetch"),
        Section<PipelineOptions>("Pipeline"),
        Section<DigestOptions>("Digest"),
        Section<DeliveryOptions>("Delivery"),
        Section<MachineSummaryOptions>("MachineSummary"),
        Section<MetricsOptions>("Metrics"),
        Section<RetentionOptions>("Retention"),
        Section<ClusterOptions>("Cluster"),
        Section<TracingOptions>("Tracing"),
        Section<ApiOptions>("Api"),
    ];

    /// <summary>One line per problem, each naming the key or file and field; empty when all is well. <paramref name="ok"/> gets what passed.</summary>
    public static List<string> Check(IServiceProvider services, List<string> ok)
    {
        var errors = OptionsProblems(services);
        errors.AddRange(UnknownKeys(services.GetRequiredService<IConfiguration>()));
        if (errors.Count == 0)
        {
            ok.Add("options: all sections valid");
        }

        // The two files are read from the raw keys, so that a bad value elsewhere in the section does not hide them.
        var configuration = services.GetRequiredService<IConfiguration>();
        var feedsFile = configuration["NewsDesk:FeedsFile"] ?? new NewsDeskOptions().FeedsFile;
        var taxonomyFile = configuration["NewsDesk:TaxonomyFile"];
        try
        {
            var feeds = FeedRegistry.Load(feedsFile);
            ok.Add($"feeds: {Path.GetFullPath(feedsFile)} ({feeds.Count} feeds, {feeds.Count(f => f.Enabled)} enabled)");
        }
        catch (Exception ex) when (ex is Feeds.FeedCatalogException or IOException)
        {
            errors.Add(ex.Message);
        }

        try
        {
            var taxonomy = string.IsNullOrWhiteSpace(taxonomyFile) ? Taxonomy.LoadDefault() : Taxonomy.Load(taxonomyFile);
            ok.Add($"taxonomy: {taxonomy.Source} ({taxonomy.ThemeNames.Count} themes, gazetteer loaded)");
        }
        catch (Exception ex) when (ex is TaxonomyException or IOException)
        {
            errors.Add(ex.Message);
        }

        return errors;
    }

    /// <summary>
    /// Every options section validated on its own, as the worker's start would (one line per bad key, the binder's
    /// message for a value that does not convert). `run` calls this before it reads any setting itself.
    /// </summary>
    public static List<string> OptionsProblems(IServiceProvider services)
    {
        var errors = new List<string>();
        foreach (var validate in Sections.Select(s => s.Validate).Prepend(Section<NewsDeskOptions>("").Validate))
        {
            try
            {
                validate(services);
            }
            catch (OptionsValidationException ex)
            {
                errors.AddRange(ex.Failures);
            }
            catch (InvalidOperationException ex)
            {
                // The binder's message names the key and the value it could not convert.
                errors.Add(ex.Message);
            }
        }

        return errors;
    }

    /// <summary>Keys under NewsDesk that no setting reads, one line each.</summary>
    public static IEnumerable<string> UnknownKeys(IConfiguration configuration) =>
        UnknownSettings.Find(configuration, Sections.ToDictionary(s => s.Name, s => s.Type, StringComparer.OrdinalIgnoreCase));

    /// <summary>The effective settings (defaults, appsettings.json, environment, arguments) as JSON, secrets replaced by ***.</summary>
    public static string Show(IConfiguration configuration)
    {
        var root = Node(configuration.GetSection(NewsDeskOptions.Section), typeof(NewsDeskOptions));
        foreach (var (name, type, _) in Sections)
        {
            root[name] = Node(configuration.GetSection($"{NewsDeskOptions.Section}:{name}"), type);
        }

        Redact(root);
        var document = new JsonObject
        {
            ["urls"] = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:8080",
            [NewsDeskOptions.Section] = root,
        };
        return document.ToJsonString(Json);
    }

    /// <summary>Each key set explicitly under NewsDesk, with its value (redacted if secret) and the source that won.</summary>
    public static IEnumerable<string> Sources(IConfigurationRoot configuration)
    {
        foreach (var (key, value) in configuration.GetSection(NewsDeskOptions.Section).AsEnumerable().Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var provider = configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _));
            var shown = IsSecret(key.Split(':')) ? Redacted : RedactPasswords(value!);
            yield return $"{key} = {shown}  ({Describe(provider)})";
        }
    }

    /// <summary>Passwords, API keys, tokens and webhook URLs (Slack-style webhook URLs are themselves the secret).</summary>
    public static bool IsSecret(IReadOnlyList<string> path)
    {
        var name = path[^1];
        return name.Contains("password", StringComparison.OrdinalIgnoreCase)
            || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("token", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
            || (name.Equals("Url", StringComparison.OrdinalIgnoreCase) && path.Count > 1 && path[^2].Equals("Webhook", StringComparison.OrdinalIgnoreCase))
            || name.Equals("Webhook", StringComparison.OrdinalIgnoreCase); // a desk's or its alert's webhook URL
    }

    private static (string Name, Type Type, Action<IServiceProvider> Validate) Section<T>(string name)
        where T : class => (name, typeof(T), services => _ = services.GetRequiredService<IOptions<T>>().Value);

    /// <summary>The section bound onto its options type (defaults included); a value that does not bind is shown with the binder's message.</summary>
    private static JsonObject Node(IConfigurationSection section, Type type)
    {
        try
        {
            var options = section.Get(type) ?? Activator.CreateInstance(type)!;
            if (options is DeliveryOptions delivery)
            {
                // As the options registration does: the binder leaves a single-value recipient list out.
                delivery.Smtp.AddRecipients(section["Smtp:To"]);
            }

            return JsonSerializer.SerializeToNode(options, type, Json)!.AsObject();
        }
        catch (InvalidOperationException ex)
        {
            return new JsonObject { ["invalid"] = ex.Message };
        }
    }

    private static void Redact(JsonObject node, List<string>? path = null)
    {
        path ??= [];
        foreach (var (name, value) in node.ToList())
        {
            path.Add(name);
            if (value is JsonObject child)
            {
                Redact(child, path);
            }
            else if (value is JsonArray items)
            {
                // The desks list: each desk's webhooks are secrets too.
                foreach (var item in items.OfType<JsonObject>())
                {
                    Redact(item, path);
                }
            }
            else if (value is not null && IsSecret(path))
            {
                node[name] = Redacted;
            }
            else if (value is JsonValue text && text.TryGetValue<string>(out var s))
            {
                node[name] = RedactPasswords(s);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>
    /// A password in a URL's user info (smtp://user:pass@host) or in a connection string (Password=…; Pwd=…) is a
    /// secret wherever it appears.
    /// </summary>
    public static string RedactPasswords(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? value.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":" + Redacted, StringComparison.Ordinal)
            : ConnectionStringPassword().Replace(value, "$1" + Redacted);

    [GeneratedRegex(@"(?i)((?:^|;)\s*(?:password|pwd)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;]*)")]
    private static partial Regex ConnectionStringPassword();

    private static string Describe(IConfigurationProvider? provider) => provider switch
    {
        Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json => json.Source.Path ?? "json file",
        Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => "environment",
        Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => "command line",
        Microsoft.Extensions.Configuration.Memory.MemoryConfigurationProvider => "command line",
        null => "default",
        _ => provider.ToString() ?? "unknown",
    };
}
