using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
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

        try
        {
            await poller.PollAsync(feed, force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or StorageException || ex.InnerException is IOException)
        {
            // A full or failing disk: one line that names the file, not a stack trace. Entries the poll did not store
            // are not in the store, so its next poll fetches them again; the store reopens once the disk is usable.
            LogStoreFailed(feed.Id, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Poll job fired for unknown feed {FeedId}")]
    private partial void LogUnknownFeed(string feedId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Poll of {FeedId} could not be stored: {Reason}. What it did not store is fetched again at its next poll")]
    private partial void LogStoreFailed(string feedId, string reason);
}
