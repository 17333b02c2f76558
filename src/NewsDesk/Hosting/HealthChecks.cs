using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsDesk.Storage;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// Readiness (/readyz): the store answers, the scheduler runs, and, once the start-up grace has passed, some enabled
/// feed was polled successfully within MaxPollAge. Liveness (/healthz) runs no check: the process answers.
/// </summary>
/// <remarks>
/// The grace counts from the scheduler's own start, not from this object: ASP.NET Core makes a new health check for
/// every request, so a start time taken here was always "just now" and a worker whose feeds all failed stayed ready.
/// </remarks>
public sealed class ReadinessCheck(INewsStore store, FeedRegistry feeds, ISchedulerFactory schedulers, IOptions<NewsDeskOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var articles = store.CountArticles();
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var metadata = await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false);
        if (scheduler.Status != SchedulerStatus.Running || metadata.RunningSince is not { } started)
        {
            return HealthCheckResult.Unhealthy($"scheduler is {scheduler.Status}");
        }

        var now = time.GetUtcNow();
        var enabled = feeds.Enabled.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        // Feeds removed from feeds.json keep their state in the store; their old successes say nothing about today.
        var lastSuccess = store.FeedStates().Where(s => enabled.Contains(s.Id)).Select(s => s.LastSuccess).Max();
        var maxAge = options.Value.MaxPollAge;
        var grace = options.Value.ReadinessGrace;
        var data = new Dictionary<string, object>
        {
            ["articles"] = articles,
            ["lastSuccessfulPoll"] = lastSuccess?.ToString("o") ?? "never",
            ["runningSince"] = started.ToString("o"),
        };
        if (enabled.Count == 0 || (lastSuccess is { } last && now - last <= maxAge))
        {
            return HealthCheckResult.Healthy("store open, scheduler running", data);
        }

        // The first polls of a fresh start (or of a restart after a long stop) need time to finish.
        if (now - started < grace)
        {
            return HealthCheckResult.Healthy($"store open, scheduler running, starting (grace {grace})", data);
        }

        return HealthCheckResult.Unhealthy($"no feed polled successfully in the last {maxAge}", data: data);
    }
}
