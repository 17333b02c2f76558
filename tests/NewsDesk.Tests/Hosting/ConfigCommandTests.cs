using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Hosting;

/// <summary>`config check` and `config show` through the real executable, configured the way operators do it.</summary>
public sealed class ConfigCommandTests
{
    private const string GoodFeeds = """{"feeds":[{"id":"gov","title":"Gov","url":"https://example.org/feed.atom","kind":"government","schedule":{"interval":"00:30:00"}}]}""";

    [Fact]
    public async Task Check_passes_a_valid_configuration()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), GoodFeeds, TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "config", "check");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("feeds: ", stdout, StringComparison.Ordinal);
        Assert.Contains("(1 feeds, 1 enabled)", stdout, StringComparison.Ordinal);
        Assert.Contains("taxonomy: taxonomy.json (embedded)", stdout, StringComparison.Ordinal);
        Assert.Contains("configuration is valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_lists_every_bad_key_and_file_and_exits_1()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{"feeds":[{"id":"gov","title":"Gov","url":"ftp://example.org/x","kind":"government","schedule":{"interval":"00:30:00"}}]}""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(temp.File("taxonomy.json"), """{"themes": 3}""", TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__ShutdownTimeout"] = "soon",
            ["NewsDesk__Fetch__MaxRedirects"] = "500",
            ["NewsDesk__Metrics__Exporter"] = "otlp",
            ["NewsDesk__Retention__MaxAge"] = "02:00:00",
            ["NewsDesk__TaxonomyFile"] = "taxonomy.json",
        };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "config", "check", "--NewsDesk:Digest:TimeZone=Mars/Olympus");

        Assert.Equal(1, code);
        Assert.Contains("'NewsDesk:ShutdownTimeout'", stderr, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Fetch:MaxRedirects must be between", stderr, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Metrics:OtlpEndpoint is required", stderr, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Retention:MaxAge must be between", stderr, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Digest:TimeZone", stderr, StringComparison.Ordinal);
        Assert.Contains("feeds.json: feeds[0] (\"gov\"): field \"url\"", stderr, StringComparison.Ordinal);
        Assert.Contains("taxonomy.json: top level, field 'themes'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_rejects_an_smtp_host_without_recipients_and_a_misspelt_key()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), GoodFeeds, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__Delivery__Smtp__Host"] = "smtp.desk.example",
            ["NewsDesk__Digest__Tiem"] = "06:00",
        };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "config", "check");

        Assert.Equal(1, code);
        Assert.Contains("NewsDesk:Delivery:Smtp:To is empty but NewsDesk:Delivery:Smtp:Host is set", stderr, StringComparison.Ordinal);
        Assert.Contains("error  NewsDesk:Digest:Tiem is not a setting NewsDesk reads", stderr, StringComparison.Ordinal);
        Assert.Contains("configuration has 2 problem(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_accepts_recipients_given_as_one_environment_value()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), GoodFeeds, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__Delivery__Smtp__Host"] = "smtp.desk.example",
            ["NewsDesk__Delivery__Smtp__To"] = "editor@desk.example",
        };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "config", "check");
        var show = await CliProcess.RunAsync(temp.Path, environment, "config", "show");

        Assert.True(code == 0, stdout + stderr);
        using var json = System.Text.Json.JsonDocument.Parse(show.Stdout);
        var to = json.RootElement.GetProperty("NewsDesk").GetProperty("Delivery").GetProperty("Smtp").GetProperty("To");
        Assert.Equal(["editor@desk.example"], to.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Run_warns_of_a_misspelt_key_and_keeps_running()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{"feeds":[]}""", TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("news.db"), ["NewsDesk__Digest__Tiem"] = "06:00" };

        using var worker = await NewsDesk.Tests.Reliability.WorkerProcess.StartAsync(temp.Path, environment);

        Assert.Contains("newsdesk: warning: NewsDesk:Digest:Tiem is not a setting NewsDesk reads", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_bad_time_zone_gives_the_config_check_message_not_a_stack_trace()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), GoodFeeds, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("news.db") };

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, environment, "run", "--NewsDesk:Digest:TimeZone=Mars/Olympus", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.StartsWith("newsdesk: configuration is invalid: NewsDesk:Digest:TimeZone is not a known time zone id", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_effective_settings_from_every_source_with_secrets_redacted()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = "/data/from-env.db",
            ["NewsDesk__Delivery__Smtp__Password"] = "hunter2-smtp",
            ["NewsDesk__MachineSummary__ApiKey"] = "sk-secret-key",
            ["NewsDesk__Delivery__Webhook__Url"] = "https://hooks.example.org/services/T000/B000/webhook-secret",
            ["NewsDesk__MachineSummary__Endpoint"] = "http://user:url-password@llm.local:11434/v1",
            ["NewsDesk__Storage__ConnectionString"] = "Host=db;Database=newsdesk;Username=desk;Password=pg-secret;Pooling=true",
        };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "config", "show", "--NewsDesk:Digest:Time=06:45");

        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var root = json.RootElement.GetProperty("NewsDesk");
        Assert.Equal("/data/from-env.db", root.GetProperty("Storage").GetProperty("Path").GetString());
        Assert.Equal("06:45", root.GetProperty("Digest").GetProperty("Time").GetString());
        Assert.Equal("Europe/London", root.GetProperty("Digest").GetProperty("TimeZone").GetString());
        Assert.Equal("00:00:30", root.GetProperty("ShutdownTimeout").GetString());
        Assert.False(root.GetProperty("Retention").GetProperty("Enabled").GetBoolean());
        Assert.Equal("***", root.GetProperty("Delivery").GetProperty("Smtp").GetProperty("Password").GetString());
        Assert.Equal("***", root.GetProperty("MachineSummary").GetProperty("ApiKey").GetString());
        Assert.Equal("***", root.GetProperty("Delivery").GetProperty("Webhook").GetProperty("Url").GetString());
        Assert.Equal("Host=db;Database=newsdesk;Username=desk;Password=***;Pooling=true", root.GetProperty("Storage").GetProperty("ConnectionString").GetString());
        foreach (var secret in new[] { "hunter2-smtp", "sk-secret-key", "webhook-secret", "url-password", "pg-secret" })
        {
            Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal);
        }

        var sources = await CliProcess.RunAsync(temp.Path, environment, "config", "show", "--sources", "--NewsDesk:Digest:Time=06:45");
        Assert.Contains("NewsDesk:Storage:Path = /data/from-env.db  (environment)", sources.Stdout, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Digest:Time = 06:45  (command line)", sources.Stdout, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Digest:TimeZone = Europe/London  (appsettings.json)", sources.Stdout, StringComparison.Ordinal);
        Assert.Contains("NewsDesk:Delivery:Smtp:Password = ***  (environment)", sources.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-smtp", sources.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pg-secret", sources.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "NewsDesk:Storage:Provider must be one of litedb, postgres, not 'sqlite'")]
    [InlineData("postgres", "NewsDesk:Storage:ConnectionString is required when NewsDesk:Storage:Provider is postgres")]
    [InlineData("postgres;garbage;;=", "NewsDesk:Storage:ConnectionString is not a valid Npgsql connection string")]
    [InlineData("postgres;Host=db;Bogus=1", "NewsDesk:Storage:ConnectionString is not a valid Npgsql connection string")]
    public async Task Check_names_a_storage_provider_it_cannot_use(string provider, string message)
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), GoodFeeds, TestContext.Current.CancellationToken);

        // "postgres;CONNECTION STRING" gives a connection string too.
        var parts = provider.Split(';', 2);
        var environment = new Dictionary<string, string>();
        if (parts.Length == 2)
        {
            environment["NewsDesk__Storage__ConnectionString"] = parts[1];
        }

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, environment, "config", "check", $"--NewsDesk:Storage:Provider={parts[0]}");

        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_takes_settings_as_arguments_and_refuses_anything_else()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), GoodFeeds, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("news.db") };

        // A setting given as an argument reaches the worker's validation at start, which names the key.
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "run", "--NewsDesk:Fetch:MaxRedirects=500");
        Assert.True(code == 1, stdout + stderr);
        Assert.Contains("NewsDesk:Fetch:MaxRedirects must be between 0 and 10", stderr, StringComparison.Ordinal);

        var (usage, _, usageError) = await CliProcess.RunAsync(temp.Path, environment, "run", "now");
        Assert.Equal(2, usage);
        Assert.Contains("unexpected argument 'now'", usageError, StringComparison.Ordinal);
    }
}
