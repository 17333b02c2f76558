using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Pipeline;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Makes the morning digest. It runs at the configured local time and covers the previous local day, which is
/// complete by then; `digest --date` covers any other day on demand.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestPublisher publisher, DigestDelivery delivery, IOptions<DigestOptions> options, TimeProvider time, PipelineMetrics metrics) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var today = options.Value.Today(time);
            var published = await publisher.PublishAsync(today.AddDays(-1), ct: cancellationToken).ConfigureAwait(false);
            await delivery.DeliverAsync(published, cancellationToken).ConfigureAwait(false);
            succeeded = true;
        }
        finally
        {
            // Counted either way, so a failing digest shows on a dashboard and not only in the log.
            metrics.DigestRun(succeeded);
            metrics.StageCompleted("digest", started);
        }
    }
}
