using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>Polls one feed. One job per feed; never runs concurrently with itself.</summary>
[DisallowConcurrentExecution]
public sealed partial class FeedPollJob(FeedRegistry feeds, FeedPoller poller, ILogger<FeedPollJob> logger) : IJob
{
    public const string FeedIdKey = "feedId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var feedId = context.MergedJobDataMap.GetString(FeedIdKey);
        var feed = feedId is null ? null : feeds.Find(feedId);
        if (feed is null)
        {
            LogUnknownFeed(feedId ?? "(none)");
            return;
        }

        await poller.PollAsync(feed, force: false, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Poll job fired for unknown feed {FeedId}")]
    private partial void LogUnknownFeed(string feedId);
}
