using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Storage;

namespace NewsDesk.Pipeline;

/// <summary>
/// Decides when a feed is next fetched. Quartz fires each feed on its schedule from feeds.json; this narrows that
/// down: after a success the publisher's own hint (RSS &lt;ttl&gt;, Cache-Control max-age, Expires) can push the next
/// fetch later, within NewsDesk:Pipeline:MinPollInterval and MaxPollInterval; after a failure Retry-After or
/// exponential backoff with jitter does. A fire before that time skips the network.
/// </summary>
public sealed class PollSchedule(IOptions<PipelineOptions> options)
{
    /// <summary>
    /// A fire this close before the next check still polls. The check time is taken when a poll starts and the
    /// trigger's grid does not move with it, so the fire that was meant to be "the next check" can come a few
    /// milliseconds early; without the slack it would be skipped and the feed checked one interval late.
    /// </summary>
    public static readonly TimeSpan DueSlack = TimeSpan.FromSeconds(10);

    private readonly PipelineOptions _options = options.Value;

    /// <summary>
    /// True when a poll should reach the network now. Only a server's hint or a failure hold a poll back: a next
    /// check that is merely the feed's own schedule is the trigger's business, so a restarted worker polls at once.
    /// </summary>
    public static bool IsDue(FeedState state, DateTimeOffset now)
    {
        var heldBack = state.ConsecutiveFailures > 0 || state.NextAttemptReason is not (null or NextCheck.Schedule);
        return !heldBack || state.NextAttempt is not { } next || now >= next - DueSlack;
    }

    /// <param name="ttlMinutes">The feed's RSS &lt;ttl&gt;, from this poll or, after a 304, the last one that parsed.</param>
    /// <param name="freshFor">How long the response is fresh by its HTTP headers, and which header said so.</param>
    public NextCheck AfterSuccess(FeedDefinition feed, DateTimeOffset now, int? ttlMinutes, TimeSpan? freshFor, string? freshFrom)
    {
        var interval = feed.Schedule.Interval;
        var hint = Hint(ttlMinutes, freshFor, freshFrom);
        if (hint is null)
        {
            return new NextCheck(now + interval, NextCheck.Schedule);
        }

        // The longer of the two wins: a hint shorter than the schedule cannot make Quartz fire sooner anyway.
        var wait = Clamp(hint.Value.Wait);
        return interval is { } i && i >= wait
            ? new NextCheck(now + i, NextCheck.Schedule)
            : new NextCheck(now + wait, hint.Value.Reason);
    }

    /// <param name="failures">Consecutive failures including this one.</param>
    /// <param name="retryAfter">The server's Retry-After on a 429 or 503, if any.</param>
    public NextCheck AfterFailure(DateTimeOffset now, int failures, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            // Honoured as given, up to the longest interval NewsDesk ever waits: a Retry-After of a year is a
            // misconfigured server, not a reason to stop reading the feed.
            return new NextCheck(now + (wait < _options.MaxPollInterval ? wait : _options.MaxPollInterval), NextCheck.RetryAfter);
        }

        return new NextCheck(now + Backoff(failures), NextCheck.Backoff);
    }

    /// <summary>Doubles from BaseBackoff per failure, capped at MaxBackoff, with ±20 % jitter so that feeds failing together spread out.</summary>
    public TimeSpan Backoff(int failures)
    {
        var exponential = _options.BaseBackoff.TotalSeconds * Math.Pow(2, Math.Min(Math.Max(failures, 1) - 1, 20));
        var capped = Math.Min(exponential, _options.MaxBackoff.TotalSeconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(capped * jitter);
    }

    /// <summary>The publisher's longest "nothing new before": RSS ttl, or the HTTP freshness lifetime.</summary>
    private static (TimeSpan Wait, string Reason)? Hint(int? ttlMinutes, TimeSpan? freshFor, string? freshFrom)
    {
        (TimeSpan Wait, string Reason)? best = null;
        if (ttlMinutes is { } ttl && ttl > 0)
        {
            best = (TimeSpan.FromMinutes(ttl), "ttl");
        }

        if (freshFor is { } fresh && fresh > TimeSpan.Zero && (best is null || fresh > best.Value.Wait))
        {
            best = (fresh, freshFrom ?? "max-age");
        }

        return best;
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < _options.MinPollInterval ? _options.MinPollInterval : wait > _options.MaxPollInterval ? _options.MaxPollInterval : wait;
}
