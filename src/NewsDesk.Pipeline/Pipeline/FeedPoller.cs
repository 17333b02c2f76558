using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Fetching;
using NewsDesk.Parsing;
using NewsDesk.Storage;

namespace NewsDesk.Pipeline;

/// <summary>
/// Polls one feed: conditional GET, parse, hand each new or changed entry to the <see cref="ArticlePipeline"/>,
/// then record the outcome in the feed's state. A failure is recorded with its reason and pushes the next
/// attempt back (exponential, with jitter, capped); it is never swallowed.
/// </summary>
public sealed partial class FeedPoller(
    HttpFetcher fetcher,
    FeedParser parser,
    ArticlePipeline pipeline,
    NewsStore store,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<FeedPoller> logger)
{
    private const string FeedAccept = "application/atom+xml,application/rss+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

    private readonly PipelineOptions _options = options.Value;

    /// <param name="force">Poll even when the feed is backing off after failures or a Retry-After.</param>
    public async Task<PollOutcome> PollAsync(FeedDefinition feed, bool force, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var state = store.GetFeedState(feed.Id) ?? new FeedState { Id = feed.Id };
        if (!force && state.NextAttempt is { } next && next > now && state.ConsecutiveFailures > 0)
        {
            LogBackingOff(feed.Id, next);
            return new PollOutcome(feed.Id, new PollCounts(), TimeSpan.Zero, null, Skipped: true);
        }

        state = state with { Title = feed.Title, Url = feed.Url.AbsoluteUri, LastAttempt = now, TotalPolls = state.TotalPolls + 1 };
        PollCounts counts;
        try
        {
            var fetched = await fetcher.FetchAsync(new FetchRequest(feed.Url, state.ETag, state.LastModified, FeedAccept), ct).ConfigureAwait(false);
            if (fetched.NotModified)
            {
                counts = new PollCounts();
            }
            else if (!fetched.IsSuccess)
            {
                throw new FeedPollException($"fetch: {feed.Url} answered HTTP {(int)fetched.Status}", "http_" + (int)fetched.Status, fetched.RetryAfter);
            }
            else
            {
                var parsed = parser.Parse(fetched.Body, fetched.ContentType, fetched.FinalUrl);
                counts = await IngestAsync(feed, parsed, ct).ConfigureAwait(false);
            }

            var interval = NextInterval(feed, fetched.FreshFor);
            state = state with
            {
                ETag = fetched.ETag,
                LastModified = fetched.LastModified,
                LastSuccess = now,
                NextAttempt = now + interval,
                ConsecutiveFailures = 0,
                LastCounts = counts,
            };
        }
        catch (Exception ex) when (ex is FetchException or FeedParseException or FeedPollException)
        {
            var failures = state.ConsecutiveFailures + 1;
            var retryAfter = (ex as FeedPollException)?.RetryAfter;
            var backoff = retryAfter is { } ra && ra > TimeSpan.Zero ? ra : Backoff(failures);
            counts = new PollCounts { Failed = 1 };
            state = state with
            {
                LastError = ex.Message,
                LastErrorKind = ErrorKind(ex),
                ConsecutiveFailures = failures,
                NextAttempt = now + backoff,
                LastCounts = counts,
            };
            LogPollFailed(feed.Id, feed.Url.AbsoluteUri, failures, state.NextAttempt.Value, ex.Message);
        }

        store.SaveFeedState(state);
        var duration = Stopwatch.GetElapsedTime(started);
        metrics.PollCompleted(feed.Id, state.ConsecutiveFailures > 0 ? state.LastErrorKind : null);
        metrics.StageCompleted("poll", started);
        LogPolled(feed.Id, counts.New, counts.Updated, counts.Unchanged, counts.Failed, counts.FellBack, (long)duration.TotalMilliseconds);
        return new PollOutcome(feed.Id, counts, duration, state.ConsecutiveFailures > 0 ? state.LastError : null);
    }

    private async Task<PollCounts> IngestAsync(FeedDefinition feed, ParsedFeed parsed, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0, failed = 0, fellBack = 0;
        var entries = parsed.Entries.Take(_options.MaxEntriesPerPoll);
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = _options.EntryConcurrency, CancellationToken = ct }, async (entry, token) =>
        {
            var (outcome, fell) = await pipeline.ProcessAsync(feed, parsed, entry, token).ConfigureAwait(false);
            _ = outcome switch
            {
                EntryOutcome.New => Interlocked.Increment(ref created),
                EntryOutcome.Updated => Interlocked.Increment(ref updated),
                EntryOutcome.Unchanged => Interlocked.Increment(ref unchanged),
                _ => Interlocked.Increment(ref failed),
            };
            if (fell)
            {
                Interlocked.Increment(ref fellBack);
            }
        }).ConfigureAwait(false);
        return new PollCounts { New = created, Updated = updated, Unchanged = unchanged, Failed = failed, FellBack = fellBack };
    }

    /// <summary>The feed's own schedule, stretched when the server says its content stays fresh longer.</summary>
    private static TimeSpan NextInterval(FeedDefinition feed, TimeSpan? freshFor)
    {
        var interval = feed.Schedule.Interval ?? TimeSpan.FromMinutes(15);
        return freshFor is { } fresh && fresh > interval ? TimeSpan.FromTicks(Math.Min(fresh.Ticks, interval.Ticks * 4)) : interval;
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = _options.BaseBackoff.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 20));
        var capped = Math.Min(exponential, _options.MaxBackoff.TotalSeconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(capped * jitter);
    }

    private static string ErrorKind(Exception ex) => ex switch
    {
        FetchException fetch => fetch.Kind.ToString().ToLowerInvariant(),
        FeedParseException => "parse",
        FeedPollException poll => poll.Kind,
        _ => "other",
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Polled {FeedId}: {New} new, {Updated} updated, {Unchanged} unchanged, {Failed} failed, {FellBack} kept feed text, in {DurationMs} ms")]
    private partial void LogPolled(string feedId, int @new, int updated, int unchanged, int failed, int fellBack, long durationMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Poll of {FeedId} ({FeedUrl}) failed ({ConsecutiveFailures} in a row); next attempt {NextAttempt:o}: {Error}")]
    private partial void LogPollFailed(string feedId, string feedUrl, int consecutiveFailures, DateTimeOffset nextAttempt, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Feed {FeedId} is backing off until {NextAttempt:o}")]
    private partial void LogBackingOff(string feedId, DateTimeOffset nextAttempt);
}
