using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Pipeline;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Makes the morning digest. It runs at the configured local time and covers the previous local day, which is
/// complete by then; `digest --date` covers any other day on demand. A desk's trigger carries the desk's id, and
/// its digest goes to the desk's own targets.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestPublisher publisher, DigestDelivery delivery, IOptions<DigestOptions> options, TimeProvider time, PipelineMetrics metrics) : IJob
{
    public const string DeskKey = "desk";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var deskId = context.MergedJobDataMap.TryGetString(DeskKey, out var id) ? id : null;
            var desk = deskId is null ? null : options.Value.FindDesk(deskId)
                ?? throw new InvalidOperationException($"digest: desk \"{deskId}\" is no longer in NewsDesk:Digest:Desks");
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone(desk)).DateTime);
            var published = await publisher.PublishAsync(today.AddDays(-1), ct: cancellationToken, desk: desk).ConfigureAwait(false);
            await delivery.DeliverAsync(published, cancellationToken, desk).ConfigureAwait(false);
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
