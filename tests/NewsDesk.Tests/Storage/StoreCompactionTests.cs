using LiteDB;
using NewsDesk.Benchmarking;
using NewsDesk.Storage;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>
/// Issue 18, "compaction that works on a real store" and "leftovers after a fault", and issue 19's `db compact`
/// leaving &lt;db&gt;-backup.db: LiteDB's Rebuild failed past about 2,550 articles (LiteDB #2827) and left its -temp
/// files behind, a full disk included.
/// </summary>
public sealed class StoreCompactionTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    // Seeding and compacting 20,000 articles (some 100 MB) takes about a minute on a loaded 2-core machine.
    [Fact]
    public void Compact_of_a_store_of_20000_articles_keeps_every_article_and_index_and_leaves_only_the_store()
    {
        using var temp = new TempFolder();
        int before;
        int standards;
        long saved;
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            SyntheticStore.Seed(store, 20_000, End);
            // Retention frees the oldest quarter's pages: what there is to compact.
            store.PurgeOlderThan(End.AddMonths(-9));
            before = store.CountArticles();
            standards = store.Query(new ArticleQuery { Themes = ["standards"] }).Count();
            var size = new FileInfo(store.FilePath).Length;

            saved = store.Compact();

            TestContext.Current.TestOutputHelper?.WriteLine($"{before} articles, {size:N0} bytes before, {saved:N0} saved");
            Assert.True(saved > 0, $"nothing saved from {size} bytes");
            Assert.Equal(before, store.CountArticles());
            Assert.Equal(standards, store.Query(new ArticleQuery { Themes = ["standards"] }).Count());
            // Still the store's: written to after the swap, and still locked against a second opener.
            store.Save(Articles.Make("after", "Saved after compaction", End));
            Assert.Throws<StorageException>(() => new LiteDbNewsStore(temp.File("n.db")));
        }

        Assert.Equal(["n.db"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        using (var raw = new LiteDatabase(new ConnectionString { Filename = temp.File("n.db"), ReadOnly = true }))
        {
            var indexes = raw.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToList();
            Assert.Contains("articles.url", indexes);
            Assert.Contains("articles.themes", indexes);
            Assert.Contains("articles.effective_date", indexes);
        }

        using var reopened = new LiteDbNewsStore(temp.File("n.db"));
        Assert.Equal(before + 1, reopened.CountArticles());
        Assert.Equal("Saved after compaction", reopened.FindArticle("after")!.Title);
    }

    [Fact]
    public async Task Compact_through_the_cli_says_what_it_did_and_leaves_no_backup_or_temporary_file_not_even_an_old_rebuilds()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.InsertMany(Enumerable.Range(0, 300).Select(i => Articles.Make($"a{i}", $"Article {i}", End, text: new string('x', 4000))));
            store.PurgeOlderThan(End.AddYears(1));
            store.InsertMany([Articles.Make("kept", "Kept", End)]);
        }

        // What LiteDB's Rebuild left behind when it failed, as `db compact` used it before.
        File.WriteAllBytes(temp.File("n-temp.db"), new byte[8192]);
        File.WriteAllBytes(temp.File("n-temp-log.db"), new byte[8192]);
        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "db", "compact");

        Assert.True(code == 0, stderr);
        Assert.Contains("rebuilt", stdout, StringComparison.Ordinal);
        Assert.Contains("no copy of the old file is kept", stdout, StringComparison.Ordinal);
        Assert.Equal(["n.db"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        using var reopened = new LiteDbNewsStore(temp.File("n.db"));
        Assert.Equal("Kept", reopened.FindArticle("kept")!.Title);
    }

    [Fact]
    public async Task Compact_on_a_full_disk_fails_with_one_line_removes_what_it_made_and_keeps_the_store()
    {
        using var disk = TmpfsMount.TryMount(64L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(disk!.File("n.db")))
        {
            SyntheticStore.Seed(store, 1_200, End);
            store.PurgeOlderThan(End.AddMonths(-2));
        }

        int kept;
        using (var store = new LiteDbNewsStore(disk.File("n.db")))
        {
            kept = store.CountArticles();
        }

        // Less room than the compacted copy needs.
        var filler = disk.Fill(leaveFree: 1L << 20);
        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = disk.File("n.db") };
        var full = await CliProcess.RunAsync(temp.Path, env, "db", "compact");

        TestContext.Current.TestOutputHelper?.WriteLine($"exit {full.ExitCode}\n{full.Stdout}\n{full.Stderr}");
        Assert.Equal(1, full.ExitCode);
        var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", line, StringComparison.Ordinal);
        Assert.Contains(disk.File("n.db") + " was not compacted, and is unchanged: No space left on device", line, StringComparison.Ordinal);
        Assert.Equal(["filler.bin", "n.db"], Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        File.Delete(filler);
        var again = await CliProcess.RunAsync(temp.Path, env, "db", "compact");
        Assert.True(again.ExitCode == 0, again.Stderr);
        using var reopened = new LiteDbNewsStore(disk.File("n.db"));
        Assert.Equal(kept, reopened.CountArticles());
    }
}
