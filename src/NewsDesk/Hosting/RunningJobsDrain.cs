using System.Diagnostics;
using Microsoft.Extensions.Options;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// Makes SIGTERM keep to NewsDesk:ShutdownTimeout. Registered after Quartz's hosted service, so it stops first: no
/// new job fires, running jobs get most of the timeout to finish, and any still running are then interrupted (their
/// cancellation token fires; the pipeline stops between entries, never inside a store write). Quartz alone waits for
/// jobs without cancelling them, and a poll stuck on a slow server would outlive the timeout and the store.
/// </summary>
internal sealed partial class RunningJobsDrain(ISchedulerFactory schedulers, IOptions<HostOptions> host, ILogger<RunningJobsDrain> logger) : IHostedService
{
    /// <summary>The share of the shutdown timeout jobs get to finish by themselves; the rest is for stopping them and closing the store.</summary>
    private const double FinishShare = 0.6;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(CancellationToken.None).ConfigureAwait(false);
        await scheduler.Standby(CancellationToken.None).ConfigureAwait(false);
        var grace = host.Value.ShutdownTimeout * FinishShare;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < grace && !cancellationToken.IsCancellationRequested)
        {
            if (!(await RunningAsync(scheduler).ConfigureAwait(false)).Any())
            {
                return;
            }

            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var firing in await RunningAsync(scheduler).ConfigureAwait(false))
        {
            LogInterrupting(firing.JobKey?.Name ?? "(starting)", (long)waited.Elapsed.TotalMilliseconds);
            await scheduler.InterruptFireInstance(firing.FireInstanceId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<FireInstance>> RunningAsync(IScheduler scheduler) =>
        (await scheduler.QueryFireInstances(new FireInstanceQuery { SchedulerInstanceId = scheduler.SchedulerInstanceId }, CancellationToken.None).ConfigureAwait(false)).Items;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Shutdown: job {Job} still running after {WaitedMs} ms; interrupting it")]
    private partial void LogInterrupting(string job, long waitedMs);
}
