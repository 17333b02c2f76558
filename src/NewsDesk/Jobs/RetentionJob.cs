using Microsoft.Extensions.Options;
using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Purges articles older than NewsDesk:Retention:MaxAge on the retention schedule. Scheduled only when retention is
/// enabled (it is off by default). Digests are kept: they are small and are the record of what was sent.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(INewsStore store, IOptions<RetentionOptions> options, TimeProvider time, PipelineMetrics metrics, ILogger<RetentionJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Purge();
        return ValueTask.CompletedTask;
    }

    /// <summary>Deletes what is older than the cutoff (now minus MaxAge) and returns how many articles went.</summary>
    public int Purge()
    {
        var cutoff = time.GetUtcNow() - options.Value.MaxAge;
        var purged = store.PurgeOlderThan(cutoff);
        metrics.Purged(purged);
        LogPurged(purged, cutoff);
        return purged;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Retention: purged {Purged} articles older than {Cutoff:o}")]
    private partial void LogPurged(int purged, DateTimeOffset cutoff);
}
