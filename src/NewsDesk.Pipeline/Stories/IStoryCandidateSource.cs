using NewsDesk.Storage;

namespace NewsDesk.Stories;

/// <summary>
/// The reports <see cref="StoryGrouper"/> compares a new one with, and where it records merges. Two sources: the
/// store (<see cref="StoreStoryCandidates"/>, for the pipeline) and memory (<see cref="InMemoryStoryCandidates"/>,
/// for <c>cluster</c> and <c>eval stories</c>), so the tools run the grouping the worker runs.
/// </summary>
public interface IStoryCandidateSource
{
    /// <summary>
    /// Reports dated from <paramref name="since"/> on (or undated) that share at least one of <paramref name="keys"/>,
    /// those sharing most first. No <paramref name="since"/> is an undated report's look-up: any date the source holds
    /// at hand (memory: every report; the store: the keys it holds in memory, never reading more).
    /// </summary>
    IReadOnlyList<StoryCandidate> Find(IReadOnlyCollection<string> keys, DateTimeOffset? since);

    /// <summary>How many reports story <paramref name="storyId"/> has, counted up to <paramref name="upTo"/> at most.</summary>
    int CountStory(string storyId, int upTo);

    /// <summary>Moves every report of story <paramref name="from"/> into story <paramref name="into"/>.</summary>
    void MergeStory(string from, string into);
}
