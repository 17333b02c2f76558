namespace NewsDesk.Pipeline;

/// <summary>
/// One article's passage through <see cref="GroupCommitter"/>: the story it joined, and the Stopwatch ticks it spent
/// waiting for its group, matching its story, and being stored (its own writes plus its share of the group's commit).
/// </summary>
public sealed record CommitTimes(string StoryId, long Wait, long Match, long Store);
