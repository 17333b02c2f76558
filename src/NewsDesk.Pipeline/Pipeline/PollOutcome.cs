using NewsDesk.Storage;

namespace NewsDesk.Pipeline;

/// <summary>What one poll of one feed did.</summary>
public sealed record PollOutcome(string FeedId, PollCounts Counts, TimeSpan Duration, string? Error, bool Skipped = false);
