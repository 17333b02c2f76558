using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Tests.Support;
using Quartz;

namespace NewsDesk.Tests.Jobs;

public sealed class ScheduleTests
{
    [Fact]
    public async Task Worker_schedules_one_poll_job_per_enabled_feed_and_the_digest_at_local_time()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """
            { "feeds": [
              { "id": "a", "title": "A", "url": "https://example.org/a", "kind": "press", "schedule": { "interval": "00:30:00" } },
              { "id": "b", "title": "B", "url": "https://example.org/b", "kind": "government", "schedule": { "cron": "0 0/15 * * * ?" } },
              { "id": "c", "title": "C", "url": "https://example.org/c", "kind": "press", "schedule": { "interval": "00:30:00" }, "enabled": false }
            ] }
            """);
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:Time"] = "06:45",
            ["NewsDesk:Digest:TimeZone"] = "America/New_York",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            // The schedule is written by the reconciler as the worker starts; here it runs alone, so nothing polls.
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
            await app.Services.GetRequiredService<ScheduleReconciler>().ReconcileAsync(scheduler, TestContext.Current.CancellationToken);

            var poll = await scheduler.GetTrigger(new TriggerKey("poll-a"), TestContext.Current.CancellationToken);
            var cron = await scheduler.GetTrigger(new TriggerKey("poll-b"), TestContext.Current.CancellationToken);
            var disabled = await scheduler.GetTrigger(new TriggerKey("poll-c"), TestContext.Current.CancellationToken);
            var digest = await scheduler.GetTrigger(new TriggerKey("daily-digest"), TestContext.Current.CancellationToken);

            Assert.NotNull(poll);
            Assert.NotNull(cron);
            Assert.Null(disabled);
            Assert.NotNull(digest);
            var next = digest.GetFireTimeAfter(DateTimeOffset.UtcNow)!.Value;
            var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
            Assert.Equal(new TimeSpan(6, 45, 0), local.TimeOfDay);
        }
    }

    [Fact]
    public void A_bad_feed_list_stops_the_worker_with_the_entry_and_field_named()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [ { "id": "a", "title": "A", "url": "https://example.org/a", "kind": "press", "schedule": { "cron": "every day" } } ] }""");

        var error = Assert.Throws<NewsDesk.Feeds.FeedCatalogException>(() => NewsDeskHost.CreateWorker([], new Dictionary<string, string?> { ["NewsDesk:FeedsFile"] = temp.File("feeds.json") }));

        Assert.Contains("feeds[0] (\"a\"): field \"schedule.cron\"", error.Message);
    }
}
