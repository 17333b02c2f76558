using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Jobs;

/// <summary>
/// Two real worker processes on one PostgreSQL database share one clustered schedule: each feed's poll and each
/// retention purge runs on one of them per slot, never on both.
/// </summary>
public sealed partial class ClusteredScheduleTests
{
    private const int Feeds = 6;

    // Every 4 s for feeds and 3 s for the purge (cron, since a feed interval is at least a minute): two workers
    // that each ran the schedule would poll every feed twice per slot.
    private const string FeedCron = "0/4 * * * * ?";
    private const string PurgeCron = "0/3 * * * * ?";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_workers_on_one_database_run_each_poll_and_each_purge_once_per_slot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        var polls = new ConcurrentDictionary<string, ConcurrentBag<DateTimeOffset>>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{id}", (string id) =>
        {
            polls.GetOrAdd(id, _ => []).Add(DateTimeOffset.UtcNow);
            return Results.Text($"""<rss version="2.0"><channel><title>{id}</title><link>https://example.org/</link><description>d</description></channel></rss>""", "application/rss+xml");
        }));
        using var temp = new TempFolder();
        var entries = Enumerable.Range(0, Feeds).Select(n =>
            $$"""{ "id": "f{{n}}", "title": "F{{n}}", "url": "{{server.Url($"feed/f{n}")}}", "kind": "press", "schedule": { "cron": "{{FeedCron}}" } }""");
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{string.Join(",\n", entries)}} ] }""");

        var clock = Stopwatch.StartNew();
        // Started together, so that both reconcile the schedule at once, as a fleet restarted together does.
        var workers = await Task.WhenAll(Enumerable.Range(1, 2).Select(n => WorkerProcess.StartAsync(temp.Path, Environment(temp, db, n))));
        try
        {
            // Counted from when both answer, so that double polling cannot hide in one worker's start-up time.
            var bothUp = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(16), ct);
            var end = DateTimeOffset.UtcNow;
            var seen = polls.ToDictionary(p => p.Key, p => p.Value.Where(t => t >= bothUp && t <= end).Order().ToList());
            var window = clock.Elapsed;
            var purges = workers.Sum(w => PurgeLine().Count(w.Output));

            // A cron slot every 4 s, plus the fire at start. Two workers that each ran the schedule would poll every
            // feed twice per slot. (Gaps between polls prove nothing on a loaded machine: a slot that fires while the
            // feed's previous poll still runs waits for it, then runs just before the next slot.)
            var slots = (int)((end - bothUp).TotalSeconds / 4) + 2;
            Assert.Equal(Feeds, seen.Count);
            foreach (var (feed, ordered) in seen)
            {
                Assert.True(ordered.Count <= slots, $"{feed} polled {ordered.Count} times in {slots} slots; workers' logs:\n{workers[0].Output}\n{workers[1].Output}");
                Assert.True(ordered.Count >= 2, $"{feed} polled only {ordered.Count} times");
            }

            var purgeSlots = (int)(window.TotalSeconds / 3) + 1;
            Assert.InRange(purges, 1, purgeSlots);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static Dictionary<string, string> Environment(TempFolder temp, TestPostgres db, int worker) => new()
    {
        ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
        ["NewsDesk__Storage__Path"] = temp.File($"w{worker}.db"),
        ["NewsDesk__Storage__Provider"] = "postgres",
        ["NewsDesk__Storage__ConnectionString"] = db.ConnectionString,
        ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        ["NewsDesk__Cluster__InstanceId"] = $"w{worker}",
        ["NewsDesk__Cluster__CheckinInterval"] = "00:00:02",
        ["NewsDesk__Cluster__CheckinMisfireThreshold"] = "00:00:03",
        ["NewsDesk__Retention__Enabled"] = "true",
        ["NewsDesk__Retention__Schedule"] = PurgeCron,
    };

    [GeneratedRegex("Retention: purged")]
    private static partial Regex PurgeLine();
}
