using NewsDesk.Storage;

namespace NewsDesk.Pipeline;

/// <summary>What one poll of one feed did.</summary>
/// <param name="Dropped">Items a keep or drop rule took out (each logged with its rule, event 2104).</param>
public sealed record PollOutcome(string FeedId, PollCounts Counts, TimeSpan Duration, string? Error, bool Skipped = false, int Dropped = 0);
