using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Tests.Support;
using Quartz;

namespace NewsDesk.Tests.Jobs;

/// <summary>
/// On PostgreSQL the schedule outlives the worker, so a restart must bring it to feeds.json: a removed feed loses its
/// job, a changed interval replaces its trigger, a new feed gets one, and an unchanged feed keeps its own.
/// </summary>
public sealed class ScheduleReconcileTests
{
    [Fact]
    public async Task A_restart_with_a_changed_feed_list_removes_replaces_and_adds_jobs_and_leaves_the_rest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{id}", (string id) =>
            Results.Text($"""<rss version="2.0"><channel><title>{id}</title><link>https://example.org/</link><description>d</description></channel></rss>""", "application/rss+xml")));
        using var temp = new TempFolder();

        Dictionary<string, DateTimeOffset> first;
        await using (var app = await StartWorkerAsync(temp, db, server, ("a", "00:30:00"), ("b", "00:30:00"), ("d", "00:30:00")))
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            Assert.True((await scheduler.GetMetadata(ct)).JobStoreClustered);
            first = await StartTimesAsync(scheduler, ct);
            Assert.Equal(["poll-a", "poll-b", "poll-d"], first.Keys.Where(k => k.StartsWith("poll-", StringComparison.Ordinal)).Order());
            await app.StopAsync(ct);
        }

        await Task.Delay(1100, ct); // a replaced trigger starts later than the one it replaced
        await using (var app = await StartWorkerAsync(temp, db, server, ("b", "00:45:00"), ("c", "00:30:00"), ("d", "00:30:00")))
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            var jobs = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).Select(k => k.Name).Order().ToList();
            Assert.Equal(["digest", "feed-b", "feed-c", "feed-d"], jobs);

            var b = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("poll-b"), ct));
            Assert.Equal(TimeSpan.FromMinutes(45), b.RepeatInterval);
            Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("poll-c"), ct));

            // Unchanged: the stored trigger keeps its start, so the restart does not reset d's interval.
            var second = await StartTimesAsync(scheduler, ct);
            Assert.Equal(first["poll-d"], second["poll-d"]);
            Assert.NotEqual(first["poll-b"], second["poll-b"]);
            await app.StopAsync(ct);
        }
    }

    [Fact]
    public async Task A_worker_whose_database_cannot_be_reached_stops_with_one_line_naming_the_setting()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("n.db"),
            ["NewsDesk__Storage__Provider"] = "postgres",
            // Port 1 on loopback: nothing listens there, so the connection is refused at once.
            ["NewsDesk__Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=newsdesk;Password=secret;Database=news",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };

        var (exitCode, _, stderr) = await CliProcess.RunAsync(temp.Path, environment, "run");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: storage: cannot reach PostgreSQL at 127.0.0.1:1, database news (NewsDesk:Storage:ConnectionString)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stderr, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartWorkerAsync(TempFolder temp, TestPostgres db, LoopbackServer server, params (string Id, string Interval)[] feeds)
    {
        var entries = feeds.Select(f =>
            $$"""{ "id": "{{f.Id}}", "title": "{{f.Id}}", "url": "{{server.Url($"feed/{f.Id}")}}", "kind": "press", "schedule": { "interval": "{{f.Interval}}" } }""");
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{string.Join(",\n", entries)}} ] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Storage:Provider"] = "postgres",
            ["NewsDesk:Storage:ConnectionString"] = db.ConnectionString,
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<Dictionary<string, DateTimeOffset>> StartTimesAsync(IScheduler scheduler, CancellationToken ct)
    {
        var times = new Dictionary<string, DateTimeOffset>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct))
        {
            times[key.Name] = (await scheduler.GetTrigger(key, ct))!.StartTimeUtc;
        }

        return times;
    }
}
