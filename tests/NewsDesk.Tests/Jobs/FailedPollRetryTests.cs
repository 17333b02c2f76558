using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Jobs;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using Quartz;

namespace NewsDesk.Tests.Jobs;

/// <summary>A failed poll is retried by Quartz at the next attempt its state shows, not at the feed's next regular fire.</summary>
public sealed class FailedPollRetryTests
{
    [Fact]
    public async Task A_failed_poll_is_retried_at_the_backoff_time_shown_not_the_next_scheduled_fire()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () =>
            Interlocked.Increment(ref requests) == 1
                ? Results.StatusCode(404)
                : Results.Text("""<rss version="2.0"><channel><title>Flaky</title><link>https://example.org/</link><description>d</description></channel></rss>""", "application/rss+xml")));
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""
            { "feeds": [ { "id": "flaky", "title": "Flaky", "url": "{{server.Url("feed")}}", "kind": "press", "schedule": { "interval": "00:30:00" } } ] }
            """);
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            // Backoff of 2 s (±20 %) after the first failure, so the retry comes quickly; the schedule says 30 minutes.
            ["NewsDesk:Pipeline:BaseBackoff"] = "00:00:02",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);

            var deadline = DateTime.UtcNow.AddSeconds(60);
            FeedState? failed = null;
            while (failed is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first poll did not fail in time");
                await Task.Delay(50, ct);
                failed = store.GetFeedState("flaky") is { ConsecutiveFailures: 1 } s ? s : null;
            }

            Assert.Equal(NextCheck.Backoff, failed.NextAttemptReason);
            var shown = failed.NextAttempt!.Value;
            Assert.InRange(shown - failed.LastAttempt!.Value, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.5));

            FeedState? recovered = null;
            while (recovered is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"no retry by {DateTime.UtcNow:o}; the state showed the next attempt at {shown:o}");
                await Task.Delay(100, ct);
                recovered = store.GetFeedState("flaky") is { LastSuccess: not null } s ? s : null;
            }

            Assert.Equal(2, Volatile.Read(ref requests));
            Assert.Equal(0, recovered.ConsecutiveFailures);
            // Not before the time shown (less the poller's own slack), and not long after it on a loaded machine.
            Assert.InRange(recovered.LastAttempt!.Value, shown - PollSchedule.DueSlack, shown + TimeSpan.FromSeconds(20));
            // The one-shot retry is spent (Quartz removes it once the job has returned, a moment after the state is
            // stored); the feed's regular trigger carries on.
            while (await scheduler.GetTrigger(FeedPollJob.RetryTrigger("flaky"), ct) is not null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the spent retry trigger was not removed");
                await Task.Delay(50, ct);
            }

            Assert.NotNull(await scheduler.GetTrigger(new TriggerKey("poll-flaky"), ct));
            await app.StopAsync(ct);
        }
    }
}
