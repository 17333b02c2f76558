using System.Globalization;
using System.Text.Json;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9, load: `bench load` (the repo's own load client, run as the real CLI) against the real worker's read API
/// while the worker ingests generated loopback feeds whose pages answer slowly, so the ingest runs for the whole
/// load window. Every request must succeed. Knobs: NEWSDESK_LOAD_SECONDS (default 5), NEWSDESK_LOAD_CONCURRENCY (8).
/// </summary>
public sealed class LoadTests
{
    [Fact]
    public async Task Read_api_serves_without_errors_while_an_ingest_runs()
    {
        var seconds = Setting("NEWSDESK_LOAD_SECONDS", 5);
        var concurrency = Setting("NEWSDESK_LOAD_CONCURRENCY", 8);
        const int BulkItems = 100;

        // Two bulk feeds of 100 pages through at most 2 connections to the host: the page delay makes the ingest
        // outlast the load window (plus start-up) even on a fast machine.
        var pageDelay = TimeSpan.FromMilliseconds((seconds + 6) * 1000.0 * 2 / (2 * BulkItems));
        using var temp = new TempFolder();
        await using var feeds = await LoadFeedServer.StartAsync(new() { ["warm"] = 12, ["bulk-a"] = BulkItems, ["bulk-b"] = BulkItems }, pageDelay);
        File.WriteAllText(temp.File("feeds.json"), feeds.FeedsJson());
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        };

        // Some articles and a stored digest first, so /api/articles/{id} and /api/digests/{date} have something to serve.
        var warm = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once", "--feed", "warm");
        Assert.True(warm.ExitCode == 0, warm.Stdout + warm.Stderr);
        var digest = await CliProcess.RunAsync(temp.Path, environment, "digest");
        Assert.True(digest.ExitCode == 0, digest.Stdout + digest.Stderr);

        using var worker = await WorkerProcess.StartAsync(temp.Path, environment);
        var pagesBefore = feeds.PagesServed;
        var articlesBefore = await CountArticlesAsync(worker);
        var report = temp.File("load.json");
        var load = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "bench", "load", "--url", worker.BaseUri.AbsoluteUri,
            "--duration", $"{seconds}s", "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--json", report);
        var pagesDuring = feeds.PagesServed - pagesBefore;
        var articlesAfter = await CountArticlesAsync(worker);

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(load.Stdout + load.Stderr);
        output?.WriteLine($"during the load the worker fetched {pagesDuring} article pages and went from {articlesBefore} to {articlesAfter} articles (page delay {pageDelay.TotalMilliseconds:0} ms)");
        Assert.True(load.ExitCode == 0, load.Stdout + load.Stderr + "\nworker:\n" + worker.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.True(root.GetProperty("requests").GetInt64() > 0);
        Assert.Empty(root.GetProperty("skipped").EnumerateArray());
        Assert.Equal(9, root.GetProperty("endpoints").GetArrayLength());

        // The ingest really ran under the load: pages were fetched and articles stored while requests were served.
        Assert.True(pagesDuring > 0, "no article page was fetched during the load");
        Assert.True(articlesAfter > articlesBefore, $"no article was stored during the load ({articlesBefore} before and after)");
    }

    private static async Task<int> CountArticlesAsync(WorkerProcess worker)
    {
        var jsonl = await worker.Http.GetStringAsync("api/articles?format=jsonl", TestContext.Current.CancellationToken);
        return jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
