using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Fetching;
using NewsDesk.Parsing;
using NewsDesk.Scraping;
using NewsDesk.Storage;

namespace NewsDesk.Pipeline;

/// <summary>
/// Polls one feed: conditional GET, parse, hand each new or changed entry to the <see cref="ArticlePipeline"/>,
/// then record the outcome in the feed's state. When the next check is due is <see cref="PollSchedule"/>'s decision;
/// a failure is recorded with its reason and pushes the next attempt back; it is never swallowed.
/// </summary>
public sealed partial class FeedPoller(
    HttpFetcher fetcher,
    FeedParser parser,
    ArticlePipeline pipeline,
    INewsStore store,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<FeedPoller> logger)
{
    private const string PageAccept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    private const string FeedAccept = "application/atom+xml,application/rss+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

    private readonly PipelineOptions _options = options.Value;
    private readonly PollSchedule _schedule = new(options);

    /// <param name="force">Poll even when the feed is held back by backoff, a Retry-After or the publisher's own hint.</param>
    public async Task<PollOutcome> PollAsync(FeedDefinition feed, bool force, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var state = store.GetFeedState(feed.Id) ?? new FeedState { Id = feed.Id };
        if (!force && !PollSchedule.IsDue(state, now))
        {
            LogNotDue(feed.Id, state.NextAttempt!.Value, state.NextAttemptReason ?? NextCheck.Backoff);
            return new PollOutcome(feed.Id, new PollCounts(), TimeSpan.Zero, null, Skipped: true);
        }

        using var activity = PipelineActivity.StartPoll(feed.Id, feed.Url);
        state = state with { Title = feed.Title, Url = feed.Url.AbsoluteUri, LastAttempt = now, TotalPolls = state.TotalPolls + 1 };
        try
        {
            state = await FetchAndIngestAsync(feed, state, now, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !ct.IsCancellationRequested) && !StoreFault.Is(ex))
        {
            // Any failure of the feed, expected (fetch, parse, HTTP status) or not (a bug, a hostile value), is
            // recorded on the feed, where `feeds list`, /api/feeds and the metrics show it. A fault of the store itself
            // (StoreFault) is not the feed's: it ends the poll unrecorded, and the job logs it in one line.
            state = Failed(state, ex, now);
            PipelineActivity.Failed(activity, ex.Message);
            LogPollFailed(feed.Id, feed.Url.AbsoluteUri, state.ConsecutiveFailures, state.NextAttempt!.Value, ex.Message);
        }

        store.SaveFeedState(state);
        var counts = state.LastCounts;
        var duration = Stopwatch.GetElapsedTime(started);
        metrics.PollCompleted(feed.Id, state.ConsecutiveFailures > 0 ? state.LastErrorKind : null);
        metrics.StageCompleted("poll", started);
        LogPolled(feed.Id, counts.New, counts.Updated, counts.Unchanged, counts.Failed, counts.FellBack, (long)duration.TotalMilliseconds);
        return new PollOutcome(feed.Id, counts, duration, state.ConsecutiveFailures > 0 ? state.LastError : null);
    }

    /// <summary>Conditional GET; a 304 costs no parsing. Returns the state after a successful poll.</summary>
    private async Task<FeedState> FetchAndIngestAsync(FeedDefinition feed, FeedState state, DateTimeOffset now, CancellationToken ct)
    {
        var fetched = await PipelineActivity.RunAsync("fetch", () => fetcher.FetchAsync(feed.Settings.ApplyTo(new FetchRequest(feed.Url, state.ETag, state.LastModified, feed.Scrape is null ? FeedAccept : PageAccept)), ct)).ConfigureAwait(false);
        state = RecordMove(feed, state, fetched.PermanentRedirect);
        if (!fetched.NotModified && !fetched.IsSuccess)
        {
            throw new FeedPollException($"fetch: {feed.Url} answered HTTP {(int)fetched.Status}", "http_" + (int)fetched.Status, fetched.RetryAfter);
        }

        var counts = new PollCounts();
        var ttl = state.TtlMinutes;
        if (!fetched.NotModified)
        {
            // A listing page without a feed is read with its scrape rule into the same shape; from here on both are alike.
            var parsed = PipelineActivity.Run("parse", () => feed.Scrape is { } scrape
                ? ListingPageReader.Read(fetched.Body, fetched.ContentType, fetched.FinalUrl, scrape, MaxItems(feed))
                : parser.ParseFirst(fetched.Body, fetched.ContentType, fetched.FinalUrl, MaxItems(feed)));
            counts = await IngestAsync(feed, parsed, ct).ConfigureAwait(false);
            ttl = parsed.TtlMinutes;
        }

        var next = _schedule.AfterSuccess(feed, now, ttl, fetched.FreshFor, fetched.FreshFrom);
        return state with
        {
            ETag = fetched.ETag,
            LastModified = fetched.LastModified,
            LastSuccess = now,
            NextAttempt = next.At,
            NextAttemptReason = next.Reason,
            TtlMinutes = ttl,
            ConsecutiveFailures = 0,
            LastCounts = counts,
        };
    }

    private FeedState Failed(FeedState state, Exception ex, DateTimeOffset now)
    {
        var failures = state.ConsecutiveFailures + 1;
        var next = _schedule.AfterFailure(now, failures, (ex as FeedPollException)?.RetryAfter);
        return state with
        {
            LastError = ex.Message,
            LastErrorKind = ErrorKind(ex),
            ConsecutiveFailures = failures,
            NextAttempt = next.At,
            NextAttemptReason = next.Reason,
            LastCounts = new PollCounts { Failed = 1 },
        };
    }

    /// <summary>A permanent redirect is kept in the state (and `feeds list`) until feeds.json follows it; it is not applied silently.</summary>
    private FeedState RecordMove(FeedDefinition feed, FeedState state, Uri? movedTo)
    {
        var moved = movedTo?.AbsoluteUri;
        if (moved is not null && moved != state.MovedTo)
        {
            LogMovedPermanently(feed.Id, feed.Url.AbsoluteUri, moved);
        }

        return state with { MovedTo = moved };
    }

    private async Task<PollCounts> IngestAsync(FeedDefinition feed, ParsedFeed parsed, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0, failed = 0, fellBack = 0;
        var entries = parsed.Entries.Take(MaxItems(feed));
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

    /// <summary>The entries one poll reads: the source's own maxItems when it has one, never more than Pipeline:MaxEntriesPerPoll.</summary>
    private int MaxItems(FeedDefinition feed) => Math.Min(_options.MaxEntriesPerPoll, feed.Settings.MaxItems ?? int.MaxValue);

    private static string ErrorKind(Exception ex) => ex switch
    {
        FetchException fetch => fetch.Kind.ToString().ToLowerInvariant(),
        FeedParseException => "parse",
        FeedPollException poll => poll.Kind,
        StorageException => "storage",
        _ => "internal",
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Polled {FeedId}: {New} new, {Updated} updated, {Unchanged} unchanged, {Failed} failed, {FellBack} kept feed text, in {DurationMs} ms")]
    private partial void LogPolled(string feedId, int @new, int updated, int unchanged, int failed, int fellBack, long durationMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Poll of {FeedId} ({FeedUrl}) failed ({ConsecutiveFailures} in a row); next attempt {NextAttempt:o}: {Error}")]
    private partial void LogPollFailed(string feedId, string feedUrl, int consecutiveFailures, DateTimeOffset nextAttempt, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Feed {FeedId} is not due until {NextAttempt:o} ({Reason}); no request made")]
    private partial void LogNotDue(string feedId, DateTimeOffset nextAttempt, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Feed {FeedId} ({FeedUrl}) has moved permanently to {MovedTo}; update its url in the feed list")]
    private partial void LogMovedPermanently(string feedId, string feedUrl, string movedTo);
}
