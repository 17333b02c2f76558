using NewsDesk.Stories;

namespace NewsDesk.Storage;

/// <summary>Story candidates from the store, for the pipeline: what <see cref="StoryIndex"/> holds, under the store's gate.</summary>
public sealed class StoreStoryCandidates(INewsStore store) : IStoryCandidateSource
{
    public IReadOnlyList<StoryCandidate> Find(IReadOnlyCollection<string> keys, DateTimeOffset? since) => store.FindStoryCandidates(keys, since);

    public int CountStory(string storyId, int upTo) => store.CountStory(storyId, upTo);

    public void MergeStory(string from, string into) => store.MergeStory(from, into);
}
