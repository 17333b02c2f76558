using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Makes the morning digest. It runs at the configured local time and covers the previous local day, which is
/// complete by then; `digest --date` covers any other day on demand.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestPublisher publisher, DigestDelivery delivery, IOptions<DigestOptions> options, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = options.Value.Today(time);
        var published = await publisher.PublishAsync(today.AddDays(-1), ct: cancellationToken).ConfigureAwait(false);
        await delivery.DeliverAsync(published, cancellationToken).ConfigureAwait(false);
    }
}
