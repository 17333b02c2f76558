using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Pipeline;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Makes the morning digest. It runs at the configured local time and covers the previous local day, which is
/// complete by then; `digest --date` covers any other day on demand. One job makes every digest due at its time and
/// zone (<see cref="SchedulePlan"/>): the default digest when <see cref="DefaultKey"/> is set, and the desks listed in
/// <see cref="DesksKey"/>, together, each delivered to its own targets.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestPublisher publisher, DigestDelivery delivery, IOptions<DigestOptions> options, TimeProvider time, PipelineMetrics metrics) : IJob
{
    public const string DefaultKey = "default";
    public const string DesksKey = "desks";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var data = context.MergedJobDataMap;
            var desks = new List<DeskOptions?>();
            // Strings only in the job's data: a clustered store gives back what its serializer read.
            if (data.TryGetString(DefaultKey, out var withDefault) && withDefault == "yes")
            {
                desks.Add(null);
            }

            foreach (var id in (data.TryGetString(DesksKey, out var ids) ? ids : null)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])
            {
                desks.Add(options.Value.FindDesk(id) ?? throw new InvalidOperationException($"digest: desk \"{id}\" is no longer in NewsDesk:Digest:Desks"));
            }

            // The digests of one job share a zone, so they cover the same local day.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone(desks.Count > 0 ? desks[0] : null)).DateTime);
            var published = await publisher.PublishDesksAsync(today.AddDays(-1), desks, ct: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < desks.Count; i++)
            {
                await delivery.DeliverAsync(published[i], cancellationToken, desks[i]).ConfigureAwait(false);
            }

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
