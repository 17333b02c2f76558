using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsDesk.Storage;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// Readiness: the store answers, the scheduler runs, and some feed was polled successfully within MaxPollAge
/// (or the worker started less than MaxPollAge ago). Liveness (/healthz) runs no check: the process answers.
/// </summary>
public sealed class ReadinessCheck(NewsStore store, ISchedulerFactory schedulers, IOptions<NewsDeskOptions> options, TimeProvider time) : IHealthCheck
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var articles = store.CountArticles();
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        if (scheduler.Status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"scheduler is {scheduler.Status}");
        }

        var now = time.GetUtcNow();
        var lastSuccess = store.FeedStates().Select(s => s.LastSuccess).Max();
        var maxAge = options.Value.MaxPollAge;
        var data = new Dictionary<string, object> { ["articles"] = articles, ["lastSuccessfulPoll"] = lastSuccess?.ToString("o") ?? "never" };
        if (lastSuccess is { } last ? now - last > maxAge : now - _started > maxAge)
        {
            return HealthCheckResult.Unhealthy($"no successful poll in the last {maxAge}", data: data);
        }

        return HealthCheckResult.Healthy("store open, scheduler running", data);
    }
}
