using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>
/// Found by the red team after issues 18 and 19: a storage path that names a file which is not a store (the feed list,
/// a page, a CSV) made LiteDB write a new empty store over that file. `export` then said "Exported 0 articles" and
/// exited 0, `digest` wrote an empty digest, and the file was gone. Every command must refuse it and leave it alone.
/// </summary>
public sealed class NotAStoreTests
{
    private const string NotAStore = "id,title\nnotes,These are an editor's notes, not a NewsDesk store.\n";

    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "export", "--format", "csv", "--out", "rows.csv" },
        new[] { "digest", "--date", "2026-11-22" },
        new[] { "db", "migrate" },
        new[] { "db", "compact" },
        new[] { "db", "backup", "copy.db" },
        new[] { "ingest", "--once" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_storage_path_naming_another_file_fails_with_one_line_and_leaves_the_file_as_it_was(string[] command)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("notes.csv"), NotAStore);
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [ { "id": "gov", "title": "Gov", "url": "https://example.org/feed", "kind": "government", "schedule": { "interval": "00:30:00" }, "enabled": false } ] }""");
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = "notes.csv",
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
        };

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, env, command);

        Assert.True(code == 1, $"exit {code}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("newsdesk: ", StringComparison.Ordinal));
        Assert.Contains($"{temp.File("notes.csv")} is not a NewsDesk store", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(NotAStore, File.ReadAllText(temp.File("notes.csv")));
        Assert.False(File.Exists(temp.File("rows.csv")) && new FileInfo(temp.File("rows.csv")).Length > 0);
    }
}
