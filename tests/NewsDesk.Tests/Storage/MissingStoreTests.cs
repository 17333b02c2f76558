using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>
/// Issue 19, "wrong or missing store": a command that reads the store fails with "no store at PATH" (exit 1) when the
/// file is not there, instead of creating an empty store and reporting nothing found; only run, demo and ingest create
/// one. And the README's export example works as written after the demo.
/// </summary>
public sealed class MissingStoreTests
{
    public static TheoryData<string[]> ReadCommands() => new()
    {
        new[] { "export", "--theme", "standards", "--format", "csv", "--out", "standards.csv" },
        new[] { "digest", "--date", "2026-11-22" },
        new[] { "db", "migrate" },
        new[] { "db", "compact" },
        new[] { "db", "backup", "copy.db" },
    };

    [Theory]
    [MemberData(nameof(ReadCommands))]
    public async Task A_read_command_on_a_missing_store_fails_with_one_line_and_creates_nothing(string[] command)
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = "data/mistyped.db",
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
        };

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, env, command);

        Assert.True(code == 1, $"exit {code}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"newsdesk: no store at {temp.File("data/mistyped.db")};", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Feeds_list_before_any_store_lists_the_feeds_without_creating_one()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [ { "id": "gov", "title": "Gov", "url": "https://example.org/feed", "kind": "government", "schedule": { "interval": "00:30:00" } } ] }""");
        var env = new Dictionary<string, string> { ["NewsDesk__FeedsFile"] = temp.File("feeds.json"), ["NewsDesk__Storage__Path"] = "data/news.db" };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "feeds", "list");

        Assert.True(code == 0, stderr);
        Assert.Contains("gov", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("data")));
    }

    [Fact]
    public async Task The_readme_export_example_after_the_demo_exports_the_demo_articles()
    {
        using var temp = new TempFolder();
        var demo = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "demo");
        Assert.True(demo.ExitCode == 0, demo.Stdout + demo.Stderr);

        // As README.md gives it, from the folder the demo ran in.
        var export = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = "data/demo.db" },
            "export", "--theme", "standards", "--since", "2026-11-01", "--format", "csv", "--out", "standards.csv");

        Assert.True(export.ExitCode == 0, export.Stderr);
        var rows = File.ReadAllLines(temp.File("standards.csv")).Length - 1;
        Assert.True(rows > 0, export.Stderr);
        Assert.False(File.Exists(temp.File("data/newsdesk.db")));
    }
}
