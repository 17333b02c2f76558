using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Benchmarking;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;
using Npgsql;

namespace NewsDesk.Tests.EndToEnd;

/// <summary>
/// Three real workers (`run`) on one PostgreSQL against 100 loopback feeds of 10 items, one of them killed with
/// SIGKILL in the middle of its polls: every article is stored once, every feed is polled once (a poll the dead worker
/// had started runs again elsewhere), and the stories should come out as one worker makes them from the same input.
/// </summary>
public sealed class ClusterWorkersTests
{
    private const int Feeds = 100;
    private const int Items = 10;
    private const int Workers = 3;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Three_workers_store_every_article_once_and_take_over_a_killed_workers_feeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await TestPostgres.CreateAsync(ct);
        var site = new BenchSite(Feeds, Items, DateTimeOffset.UtcNow, pagesFolder: null);
        var feedPolls = new ConcurrentDictionary<int, int>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feeds/{feed:int}.xml", (int feed) =>
            {
                feedPolls.AddOrUpdate(feed, 1, (_, n) => n + 1);
                return Results.Text(site.FeedXml(feed), "application/rss+xml; charset=utf-8", Encoding.UTF8);
            });
            app.MapGet("/f{feed:int}/{item:int}/story", async (HttpContext context, int feed, int item) =>
            {
                // Slower pages keep every worker in the middle of polls long enough to kill one there.
                await Task.Delay(50, context.RequestAborted);

                var (body, gzipped) = site.Page(feed, item);
                if (gzipped)
                {
                    context.Response.Headers.ContentEncoding = "gzip";
                }

                return Results.Bytes(body, "text/html; charset=utf-8");
            });
        });
        site.Port = server.BaseUri.Port;
        site.HostPerFeed = await BenchServer.LocalhostSubdomainsResolveAsync(ct);
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), IngestBenchmark.FeedsJson(site, warmup: null));

        var workers = await Task.WhenAll(Enumerable.Range(1, Workers).Select(n => WorkerProcess.StartAsync(temp.Path, Environment(temp, cluster, n, site.HostPerFeed))));
        try
        {
            // Killed once the cluster has stored a tenth of the articles: every worker is then in the middle of polls.
            var before = await WaitForArticlesAsync(cluster, Feeds * Items / 10, TimeSpan.FromSeconds(120), ct);
            Assert.True(before >= Feeds * Items / 10, $"only {before} articles stored in two minutes:\n{workers[0].Output}");
            workers[1].Dispose();
            var killed = Stopwatch.StartNew();
            var stored = await WaitForArticlesAsync(cluster, Feeds * Items, TimeSpan.FromSeconds(300), ct);
            var finished = killed.Elapsed;

            var (rows, urls) = await CountArticlesAsync(cluster, ct);
            Assert.True(stored == Feeds * Items, $"{stored} of {Feeds * Items} articles stored; survivors' logs:\n{workers[0].Output}\n{workers[2].Output}");
            Assert.Equal(Feeds * Items, rows);
            Assert.Equal(rows, urls);
            // Generous: on a loaded 2-core machine the two survivors take most of this for the remaining pages alone.
            Assert.True(finished < TimeSpan.FromSeconds(300), $"the rest took {finished} after the kill");

            // Polled once at start (interval 30 min), except the polls the dead worker had started: those run again,
            // on a worker that is alive. It could be in the middle of at most its 10 Quartz threads' polls.
            Assert.Equal(Feeds, feedPolls.Count);
            Assert.All(feedPolls.Values, n => Assert.InRange(n, 1, 2));
            Assert.InRange(feedPolls.Values.Count(n => n == 2), 0, 10);
            Assert.All(new[] { workers[0], workers[2] }, w => Assert.DoesNotContain(" fail: ", w.Output, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Three_workers_group_stories_as_one_worker_does()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await TestPostgres.CreateAsync(ct);
        await using var single = await TestPostgres.CreateAsync(ct);
        var site = new BenchSite(Feeds, Items, DateTimeOffset.UtcNow, pagesFolder: null);
        await using var server = await BenchServer.StartAsync(_ => site, ct);
        site.Port = server.Port;
        site.HostPerFeed = await BenchServer.LocalhostSubdomainsResolveAsync(ct);
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), IngestBenchmark.FeedsJson(site, warmup: null));

        var workers = await Task.WhenAll(Enumerable.Range(1, Workers).Select(n => WorkerProcess.StartAsync(temp.Path, Environment(temp, cluster, n, site.HostPerFeed))));
        try
        {
            Assert.Equal(Feeds * Items, await WaitForArticlesAsync(cluster, Feeds * Items, TimeSpan.FromSeconds(300), ct));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }

        // One worker, the same input (pages are generated from feed and item numbers alone): the same stories.
        var (exitCode, _, stderr) = await CliProcess.RunAsync(TimeSpan.FromMinutes(5), temp.Path, Environment(temp, single, 0, site.HostPerFeed), "ingest", "--once");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal(await StoryPartitionAsync(single, ct), await StoryPartitionAsync(cluster, ct));
    }

    private static Dictionary<string, string> Environment(TempFolder temp, TestPostgres db, int worker, bool hostPerFeed)
    {
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File($"w{worker}.db"),
            ["NewsDesk__Storage__Provider"] = "postgres",
            ["NewsDesk__Storage__ConnectionString"] = db.ConnectionString,
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
            ["NewsDesk__Cluster__InstanceId"] = $"w{worker}",
            ["NewsDesk__Cluster__CheckinInterval"] = "00:00:02",
            ["NewsDesk__Cluster__CheckinMisfireThreshold"] = "00:00:03",
        };
        if (!hostPerFeed)
        {
            // Every feed on 127.0.0.1: one host, whose limit would otherwise serialise the whole run.
            environment["NewsDesk__Fetch__MaxConnectionsPerHost"] = "64";
        }

        return environment;
    }

    private static async Task<long> WaitForArticlesAsync(TestPostgres db, int want, TimeSpan limit, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        long stored = 0;
        while (waited.Elapsed < limit)
        {
            stored = (await CountArticlesAsync(db, ct)).Rows;
            if (stored >= want)
            {
                return stored;
            }

            await Task.Delay(250, ct);
        }

        return stored;
    }

    private static async Task<(long Rows, long Urls)> CountArticlesAsync(TestPostgres db, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('articles') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(ct) is not true)
        {
            return (0, 0);
        }

        await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT url) FROM articles", connection);
        await using var reader = await count.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The stories as sets of article URLs (story ids differ between stores; the grouping must not).</summary>
    private static async Task<List<string>> StoryPartitionAsync(TestPostgres db, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT story_id, url FROM articles WHERE story_id IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var stories = new Dictionary<string, List<string>>();
        while (await reader.ReadAsync(ct))
        {
            var story = reader.GetString(0);
            if (!stories.TryGetValue(story, out var members))
            {
                stories[story] = members = [];
            }

            members.Add(reader.GetString(1));
        }

        return [.. stories.Values.Select(m => string.Join(" ", m.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }
}
