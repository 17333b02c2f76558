using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

/// <summary>
/// Issue 22: `feeds list` needs no secrets. A header whose ${VARIABLE} is unset is listed as that reference, marked
/// unset, while `ingest` still refuses to start without it, naming the feed and the variable. Real executable.
/// </summary>
public sealed class FeedsListSecretsTests
{
    private const string Variable = "NEWSDESK_TEST_AGENCY_TOKEN";

    private static string FeedsJson() => $$"""
        { "feeds": [
            { "id": "agency-releases", "title": "Agency releases", "url": "http://127.0.0.1:9/releases.rss", "kind": "government",
              "schedule": { "interval": "00:30:00" },
              "headers": { "Authorization": "Bearer ${{{Variable}}}", "X-Plain": "visible-only-as-stars" },
              "cookies": { "session": "${{{Variable}}}" } },
            { "id": "open-feed", "title": "Open", "url": "http://127.0.0.1:9/open.rss", "kind": "press", "schedule": { "interval": "00:30:00" } }
        ] }
        """;

    [Fact]
    public async Task Feeds_list_without_the_secret_shows_the_reference_as_unset_and_ingest_refuses_naming_feed_and_variable()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), FeedsJson());
        var env = new Dictionary<string, string> { ["NewsDesk__FeedsFile"] = temp.File("feeds.json"), ["NewsDesk__Storage__Path"] = temp.File("news.db") };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "feeds", "list");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("open-feed", stdout, StringComparison.Ordinal);
        Assert.Contains($"Authorization: ${{{Variable}}} (unset)", stdout, StringComparison.Ordinal);
        Assert.Contains($"cookie session: ${{{Variable}}} (unset)", stdout, StringComparison.Ordinal);
        Assert.Contains("X-Plain: ***", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("visible-only-as-stars", stdout, StringComparison.Ordinal);

        var ingest = await CliProcess.RunAsync(temp.Path, env, "ingest", "--once");

        Assert.True(ingest.ExitCode == 1, $"exit {ingest.ExitCode}: {ingest.Stdout}{ingest.Stderr}");
        var line = Assert.Single(ingest.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", line, StringComparison.Ordinal);
        Assert.Contains("\"agency-releases\"", line, StringComparison.Ordinal);
        Assert.Contains(Variable, line, StringComparison.Ordinal);
        Assert.Contains("not set", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_list_with_the_secret_set_shows_stars_and_never_the_value()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), FeedsJson());
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            [Variable] = "s3cret-token-value",
        };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "feeds", "list");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("Authorization: ***", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("(unset)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stdout + stderr, StringComparison.Ordinal);
    }
}
