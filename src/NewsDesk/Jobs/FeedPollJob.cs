using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Polls one feed. One job per feed; never runs concurrently with itself. After a failure it also schedules the
/// retry (<see cref="RetryTrigger"/>) at the next attempt the feed's state shows.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class FeedPollJob(FeedRegistry feeds, FeedPoller poller, INewsStore store, TimeProvider time, ILogger<FeedPollJob> logger) : IJob
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
            return;
        }

        await ScheduleRetryAsync(context, feed.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name of the one-shot trigger that retries a failing feed.</summary>
    public static TriggerKey RetryTrigger(string feedId) => new($"retry-{feedId}");

    /// <summary>
    /// The feed's own trigger fires on its schedule (every 30 minutes, say), but a failed poll's next attempt (backoff
    /// or Retry-After) is what the log, /api/feeds and `feeds list` show, and it usually falls between two of those
    /// fires. A one-shot trigger at that time makes the shown time the real one. Also run after a fire that was not
    /// due, so that a worker restarted during a backoff still retries at the time the state shows.
    /// </summary>
    private async Task ScheduleRetryAsync(IJobExecutionContext context, string feedId, CancellationToken ct)
    {
        // A poll that ends while the worker stops has no retry to schedule: the next start polls the feed at once
        // or, when a failure still holds it back, schedules the retry from here.
        if (ct.IsCancellationRequested || context.Scheduler.Status != SchedulerStatus.Running)
        {
            return;
        }

        var state = store.GetFeedState(feedId);
        if (state is not { ConsecutiveFailures: > 0, NextAttempt: { } at } || at <= time.GetUtcNow())
        {
            return;
        }

        var key = RetryTrigger(feedId);
        var existing = await context.Scheduler.GetTrigger(key, ct).ConfigureAwait(false);
        if (existing?.NextFireTimeUtc == at)
        {
            return;
        }

        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(context.JobDetail.Key)
            .UsingJobData(FeedIdKey, feedId)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        // Rescheduling from inside the retry's own run is safe: Quartz keeps a trigger that was replaced while it fired.
        if (existing is null)
        {
            await context.Scheduler.ScheduleJob(trigger, default, ct).ConfigureAwait(false);
        }
        else
        {
            await context.Scheduler.RescheduleJob(key, trigger, ct).ConfigureAwait(false);
        }

        LogRetryScheduled(feedId, at);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Poll job fired for unknown feed {FeedId}")]
    private partial void LogUnknownFeed(string feedId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Poll of {FeedId} could not be stored: {Reason}. What it did not store is fetched again at its next poll")]
    private partial void LogStoreFailed(string feedId, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Retry of {FeedId} scheduled for {NextAttempt:o}")]
    private partial void LogRetryScheduled(string feedId, DateTimeOffset nextAttempt);
}
