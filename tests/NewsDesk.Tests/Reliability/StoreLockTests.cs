using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue 18, "the store cannot be opened twice": while a real worker holds the store, a second process that reaches
/// the same file by a symbolic link or a hard link is refused with one line, and the worker's store stays whole.
/// </summary>
public sealed class StoreLockTests
{
    private const int Articles = 12;

    [Fact]
    public async Task A_store_held_by_a_worker_is_refused_through_a_symlink_and_a_hard_link_and_stays_whole()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "links and flock are Unix");
        using var temp = new TempFolder();
        await using var feeds = await LoadFeedServer.StartAsync(new() { ["desk"] = Articles }, TimeSpan.Zero);
        File.WriteAllText(temp.File("feeds.json"), feeds.FeedsJson());
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        };
        using (var worker = await WorkerProcess.StartAsync(temp.Path, environment))
        {
            await RefusedThroughLinksAsync(worker, temp, environment);
        }

        // Killed, the worker leaves its committed articles in its log; the store opens with all of them.
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        Assert.Equal(Articles, store.Query(new ArticleQuery()).Count());
    }

    private static async Task RefusedThroughLinksAsync(WorkerProcess worker, TempFolder temp, Dictionary<string, string> environment)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!worker.Output.Contains("Polled desk:", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        Assert.True(worker.Output.Contains("Polled desk:", StringComparison.Ordinal), worker.Output);
        File.CreateSymbolicLink(temp.File("symlink.db"), temp.File("news.db"));
        Directory.CreateDirectory(temp.File("elsewhere"));
        Link(temp.File("news.db"), temp.File("elsewhere/hardlink.db"));

        foreach (var path in new[] { temp.File("symlink.db"), temp.File("elsewhere/hardlink.db") })
        {
            // A writer (ingest) and a reader (export) alike: LiteDB would give either a log of its own beside the link.
            foreach (var command in new[] { new[] { "ingest", "--once" }, ["export", "--format", "jsonl"] })
            {
                var second = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(environment) { ["NewsDesk__Storage__Path"] = path }, command);
                var lines = second.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(second.ExitCode == 1, $"{string.Join(' ', command)} via {path}: exit {second.ExitCode}\n{second.Stderr}");
                Assert.Single(lines);
                Assert.StartsWith("newsdesk: storage: " + path + " is in use by another NewsDesk process", lines[0], StringComparison.Ordinal);
            }
        }

        // Nothing beside the links: no log of a second LiteDB.
        Assert.False(File.Exists(temp.File("symlink-log.db")));
        Assert.False(File.Exists(temp.File("elsewhere/hardlink-log.db")));

        // The worker still reads and writes its store.
        var articles = await worker.Http.GetStringAsync("api/articles?format=jsonl", ct);
        Assert.Equal(Articles, articles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_second_store_in_the_same_process_is_refused_through_either_link_too()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "links and flock are Unix");
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        File.CreateSymbolicLink(temp.File("symlink.db"), temp.File("news.db"));
        Link(temp.File("news.db"), temp.File("hardlink.db"));

        Assert.Contains("is in use", Assert.Throws<StorageException>(() => new LiteDbNewsStore(temp.File("symlink.db"))).Message, StringComparison.Ordinal);
        Assert.Contains("is in use", Assert.Throws<StorageException>(() => new LiteDbNewsStore(temp.File("hardlink.db"))).Message, StringComparison.Ordinal);
        Assert.True(LiteDbNewsStore.IsInUse(temp.File("hardlink.db")));
        store.Save(NewsDesk.Tests.Support.Articles.Make("a", "Still writable", DateTimeOffset.UnixEpoch));
        Assert.Equal(1, store.CountArticles());
    }

    private static void Link(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
