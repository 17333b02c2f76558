namespace NewsDesk.Storage;

/// <summary>
/// What NewsDesk knows about polling one feed (collection "feeds"). Kept so that a failing feed is never dropped
/// silently: `feeds list` and the API show the last success, last error and next attempt.
/// </summary>
public sealed record FeedState
{
    /// <summary>The feed id from feeds.json.</summary>
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastAttempt { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public DateTimeOffset? NextAttempt { get; init; }
    /// <summary>Why <see cref="NextAttempt"/> is what it is: schedule, ttl, max-age, expires, retry-after or backoff.</summary>
    public string? NextAttemptReason { get; init; }
    /// <summary>The RSS &lt;ttl&gt; of the last successful parse, still applied after a 304.</summary>
    public int? TtlMinutes { get; init; }
    /// <summary>Where the feed URL permanently redirects (301/308) on the last fetch; feeds.json should be updated.</summary>
    public string? MovedTo { get; init; }
    public string? LastError { get; init; }
    public string? LastErrorKind { get; init; }
    public int ConsecutiveFailures { get; init; }
    public PollCounts LastCounts { get; init; } = new();
    public long TotalPolls { get; init; }
}
