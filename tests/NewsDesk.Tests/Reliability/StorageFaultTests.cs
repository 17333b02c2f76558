using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9, full disk and read-only store, made real with a small tmpfs (see <see cref="TmpfsMount"/>): the real
/// `ingest --once` must fail with a message that says what happened and names the file, exit non-zero, and leave a
/// store that opens with every article committed before the fault; the next ingest, with space again, completes it.
/// </summary>
public sealed class StorageFaultTests
{
    private const int Warm = 12;
    private const int Bulk = 30;

    [Fact]
    public async Task A_full_disk_fails_ingest_with_a_clear_error_and_loses_nothing_committed()
    {
        using var disk = TmpfsMount.TryMount(16L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        var (feeds, environment) = await WarmStoreAsync(temp, disk!, bulk: Bulk);
        await using var served = feeds;
        var committed = Ids(disk!.File("news.db"));
        Assert.Equal(Warm, committed.Count);

        // Leave too little room for 30 more articles, so the disk fills part-way through the next ingest.
        var filler = disk.Fill(leaveFree: 64 * 1024);
        var full = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once", "--feed", "bulk");
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"ingest on a full disk: exit {full.ExitCode}\nstdout: {full.Stdout}\nstderr: {full.Stderr}");
        Assert.NotEqual(0, full.ExitCode);
        Assert.Contains("No space left on device", full.Stderr, StringComparison.Ordinal);
        Assert.Contains(disk.File("news"), full.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);

        File.Delete(filler);
        var after = Ids(disk.File("news.db"));
        Assert.Empty(committed.Except(after));
        var final = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once");
        Assert.True(final.ExitCode == 0, final.Stdout + final.Stderr);
        var all = Ids(disk.File("news.db"));
        output?.WriteLine($"full disk: {committed.Count} articles before the fault, {after.Count} in the store after it (all {committed.Count} kept), {all.Count} after the next ingest with space again");
        Assert.Equal(Warm + Bulk, all.Count);
    }

    [Fact]
    public async Task A_running_worker_whose_disk_fills_logs_one_line_keeps_running_and_serves_again_once_there_is_room()
    {
        using var disk = TmpfsMount.TryMount(16L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        var (feeds, environment) = await WarmStoreAsync(temp, disk!, bulk: Bulk);
        await using var served = feeds;

        var filler = disk!.Fill(leaveFree: 64 * 1024);
        using var worker = await WorkerProcess.StartAsync(temp.Path, environment);
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        // Both feeds are polled at start: "bulk" has 30 new articles to store, and even "warm", unchanged, writes its
        // feed state.
        static bool Done(string output, string feed) =>
            output.Contains($"Poll of {feed} could not be stored", StringComparison.Ordinal) || output.Contains($"Polled {feed}:", StringComparison.Ordinal);
        while (!(Done(worker.Output, "warm") && Done(worker.Output, "bulk")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        var output = worker.Output;
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.Contains("Poll of bulk could not be stored: No space left on device", output, StringComparison.Ordinal);
        Assert.Contains(disk.File("news"), output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        File.Delete(filler);
        using var feedsResponse = await worker.Http.GetAsync("api/feeds", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, feedsResponse.StatusCode);
        var articles = await worker.Http.GetStringAsync("api/articles?format=jsonl", ct);
        Assert.Equal(Warm, articles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_store_that_ran_out_of_disk_works_again_once_there_is_room_without_a_restart()
    {
        using var disk = TmpfsMount.TryMount(8L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        var day = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var text = string.Concat(Enumerable.Repeat("Ministers signed a memorandum on AI safety research. ", 1000));
        using var store = new LiteDbNewsStore(disk!.File("news.db"));
        store.Save(Articles.Make("before", "Stored before the disk filled", day));

        var filler = disk.Fill(leaveFree: 256 * 1024);
        var failure = Record.Exception(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                store.Save(Articles.Make($"big{i}", $"Article {i}", day.AddMinutes(i), text: text));
            }
        });
        Assert.NotNull(failure);
        TestContext.Current.TestOutputHelper?.WriteLine($"on a full disk: {failure.GetType().Name}: {failure.Message}");

        // Reads and writes while the disk is still full fail with the store's error or succeed; neither hangs.
        Record.Exception(() => store.FindByUrl(Articles.Make("before", "x", day).Url));

        File.Delete(filler);
        store.Save(Articles.Make("after", "Stored once there was room again", day.AddHours(3)));
        // LiteDB leaves the transaction the disk broke with its finalizer registered, and that finalizer throws on the
        // finalizer thread (ClosedLiteDb). Before the store released it, the test host died of it later in the full
        // run; collecting here gives it the chance to run while this test is the one running.
        for (var i = 0; i < 4; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.NotNull(store.FindArticle("before"));
        Assert.NotNull(store.FindArticle("after"));
    }

    [Fact]
    public void A_store_that_LiteDB_closed_unseen_reopens_on_the_next_call_instead_of_failing_it()
    {
        using var temp = new TempFolder();
        var day = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        store.Save(Articles.Make("before", "Stored before LiteDB closed", day));

        // LiteDB closes itself like this when its log writer fails on a thread of its own; the store does not see it.
        CloseLiteDbUnseen(store, new IOException("No space left on device (simulated)"));
        Assert.NotNull(store.FindArticle("before"));

        CloseLiteDbUnseen(store, new IOException("No space left on device (simulated)"));
        store.Save(Articles.Make("after", "Stored after LiteDB closed", day.AddHours(1)));
        Assert.NotNull(store.FindArticle("after"));

        // Inside a transaction the error goes to the caller; the store reopens once the transaction has ended.
        var failed = Assert.ThrowsAny<Exception>(() => store.Atomically(() =>
        {
            store.Save(Articles.Make("lost", "In the transaction LiteDB dropped", day.AddHours(2)));
            CloseLiteDbUnseen(store, new IOException("No space left on device (simulated)"));
            return store.FindArticle("lost");
        }));
        TestContext.Current.TestOutputHelper?.WriteLine($"inside a transaction: {failed.GetType().Name}: {failed.Message}");
        Assert.Null(store.FindArticle("lost"));
        Assert.Equal(2, store.CountArticles());
    }

    [Fact]
    public async Task A_read_only_store_fails_with_a_clear_error_and_stays_intact()
    {
        using var disk = TmpfsMount.TryMount(8L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        var (feeds, environment) = await WarmStoreAsync(temp, disk!, bulk: 10);
        await using var served = feeds;
        var committed = Ids(disk!.File("news.db"));

        disk.Remount("ro");
        var output = TestContext.Current.TestOutputHelper;
        try
        {
            var result = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once");
            output?.WriteLine($"ingest --once on a read-only store: exit {result.ExitCode}, stderr: {result.Stderr.Trim()}");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Read-only file system", result.Stderr, StringComparison.Ordinal);
            Assert.Contains(disk.File("news.db"), result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);

            // The worker opens the store when its first poll runs: that poll must log the same cause and file.
            using var worker = await WorkerProcess.StartAsync(temp.Path, environment);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!worker.Output.Contains("Read-only file system", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            var line = worker.Output.Split('\n').FirstOrDefault(l => l.Contains("Read-only file system", StringComparison.Ordinal));
            output?.WriteLine($"worker on a read-only store logs: {line?[..Math.Min(line.Length, 300)].Trim()}");
            Assert.True(line is not null, worker.Output);
            Assert.Contains(disk.File("news.db"), line, StringComparison.Ordinal);
        }
        finally
        {
            disk.Remount("rw");
        }

        Assert.Equal(committed.Order(), Ids(disk.File("news.db")).Order());
    }

    [Fact]
    public async Task A_store_held_by_another_process_is_reported_as_in_use()
    {
        // The counterpart of the read-only case: only a held lock may be reported as "in use".
        using var temp = new TempFolder();
        using var held = new LiteDbNewsStore(temp.File("news.db"));
        File.WriteAllText(temp.File("feeds.json"), """{"feeds":[]}""");
        var result = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
        }, "ingest", "--once");
        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.Stderr.Contains("is in use by another NewsDesk process", StringComparison.Ordinal), result.Stderr);
    }

    private static HashSet<string> Ids(string database)
    {
        using var store = new LiteDbNewsStore(database);
        var articles = store.Query(new ArticleQuery()).ToList();
        Assert.Equal(articles.Count, articles.Select(a => a.Url).Distinct(StringComparer.Ordinal).Count());
        Assert.All(articles, a => Assert.False(string.IsNullOrEmpty(a.Text), $"{a.Url} has no text"));
        return articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Serves feeds "warm" and "bulk" on loopback for a store on <paramref name="disk"/>, and stores "warm" with a real
    /// `ingest --once`: the articles committed before each fault.
    /// </summary>
    private static async Task<(LoadFeedServer Feeds, Dictionary<string, string> Environment)> WarmStoreAsync(TempFolder temp, TmpfsMount disk, int bulk)
    {
        var feeds = await LoadFeedServer.StartAsync(new() { ["warm"] = Warm, ["bulk"] = bulk }, TimeSpan.Zero);
        try
        {
            var environment = Environment(temp, feeds, disk);
            var first = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once", "--feed", "warm");
            Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
            return (feeds, environment);
        }
        catch
        {
            await feeds.DisposeAsync();
            throw;
        }
    }

    private static void CloseLiteDbUnseen(LiteDbNewsStore store, Exception cause)
    {
        const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var db = typeof(LiteDbNewsStore).GetField("_db", Private)!.GetValue(store)!;
        var engine = db.GetType().GetField("_engine", Private)!.GetValue(db)!;
        engine.GetType().GetMethod("Close", Private, [typeof(Exception)])!.Invoke(engine, [cause]);
    }

    private static Dictionary<string, string> Environment(TempFolder temp, LoadFeedServer feeds, TmpfsMount disk)
    {
        File.WriteAllText(temp.File("feeds.json"), feeds.FeedsJson());
        return new()
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = disk.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        };
    }
}
