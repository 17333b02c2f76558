using System.Threading.Channels;
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

/// <summary>The real worker's Quartz FeedPollJob against a loopback server that says 503 with Retry-After.</summary>
public sealed class FeedPollJobTests
{
    [Fact]
    public async Task A_job_fired_during_retry_after_makes_no_request()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(503);
        }));
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""
            { "feeds": [ { "id": "busy", "title": "Busy", "url": "{{server.Url("feed")}}", "kind": "press", "schedule": { "interval": "00:01:00" } } ] }
            """);
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            var runs = new Runs();
            scheduler.ListenerManager.AddJobListener(runs);
            await app.StartAsync(ct);

            // The first fire (at start) reaches the server and records the Retry-After.
            await runs.Done.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var state = store.GetFeedState("busy")!;
            Assert.Equal(1, server.Requests);
            Assert.Equal(1, state.ConsecutiveFailures);
            Assert.Equal("http_503", state.LastErrorKind);
            Assert.Equal(NextCheck.RetryAfter, state.NextAttemptReason);
            Assert.InRange(state.NextAttempt!.Value - state.LastAttempt!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));

            // A second fire of the same job, inside the hour: no request, state untouched.
            var again = new JobDataMap { [FeedPollJob.FeedIdKey] = "busy" };
            await scheduler.TriggerJob(new JobKey("feed-busy"), again, ct);
            await runs.Done.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.Equal(1, server.Requests);
            Assert.Equal(1, store.GetFeedState("busy")!.TotalPolls);

            // Once the Retry-After has passed, the same job reaches the server again.
            store.SaveFeedState(state with { NextAttempt = state.LastAttempt!.Value - TimeSpan.FromMinutes(1) });
            await scheduler.TriggerJob(new JobKey("feed-busy"), again, ct);
            await runs.Done.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.Equal(2, server.Requests);
            Assert.Equal(2, store.GetFeedState("busy")!.TotalPolls);
            await app.StopAsync(ct);
        }
    }

    private sealed class Runs : IJobListener
    {
        public Channel<string> Done { get; } = Channel.CreateUnbounded<string>();

        public string Name => "test-runs";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            Done.Writer.WriteAsync(context.JobDetail.Key.Name, cancellationToken);
    }
}
