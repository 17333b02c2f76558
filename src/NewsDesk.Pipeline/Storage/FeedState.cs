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
    public string? LastError { get; init; }
    public string? LastErrorKind { get; init; }
    public int ConsecutiveFailures { get; init; }
    public PollCounts LastCounts { get; init; } = new();
    public long TotalPolls { get; init; }
}
