using NewsDesk.Stories;

namespace NewsDesk.Storage;

/// <summary>Story candidates from the store, for the pipeline (<see cref="INewsStore.FindStoryCandidates"/>).</summary>
public sealed class StoreStoryCandidates(INewsStore store) : IStoryCandidateSource
{
    public IReadOnlyList<StoryCandidate> Find(IReadOnlyCollection<string> keys, DateTimeOffset? since) => store.FindStoryCandidates(keys, since, StoryGrouper.MaxCandidates);

    public int CountStory(string storyId, int upTo) => store.CountStory(storyId, upTo);

    public void MergeStory(string from, string into) => store.MergeStory(from, into);
}
