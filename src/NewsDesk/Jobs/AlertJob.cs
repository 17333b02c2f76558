using NewsDesk.Alerts;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>Checks what was ingested since the last run against the desks' alert rules (<see cref="StoryAlerter"/>).</summary>
[DisallowConcurrentExecution]
public sealed class AlertJob(StoryAlerter alerter) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await alerter.CheckAsync(cancellationToken).ConfigureAwait(false);
}
