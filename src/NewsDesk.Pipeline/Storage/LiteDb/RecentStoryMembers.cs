namespace NewsDesk.Storage;

/// <summary>
/// The story members most recently stored or read, in memory, so story matching compares candidates without reading
/// them from the store: reading 40 candidates by id from "story_members" took nine tenths of a match (`bench stories`),
/// under the store's gate. Bounded: it holds at most <c>capacity</c> members, in two generations (when the newer one is
/// half full, the older is dropped and the newer takes its place; a member read from the older one moves to the newer). A signature is about 5 KB in memory (64 hashes and some 90
/// terms), so 2,048 members cost about 11 MB. Not thread-safe: <see cref="StoryIndex"/> calls it under the store's gate.
/// </summary>
internal sealed class RecentStoryMembers(int capacity)
{
    private Dictionary<string, StoryCandidate> _young = new(StringComparer.Ordinal);
    private Dictionary<string, StoryCandidate> _old = new(StringComparer.Ordinal);

    public int Count => _young.Count + _old.Count;

    public bool TryGet(string articleId, out StoryCandidate member)
    {
        if (_young.TryGetValue(articleId, out member!))
        {
            return true;
        }

        if (_old.Remove(articleId, out member!))
        {
            Set(member);
            return true;
        }

        return false;
    }

    public void Set(StoryCandidate member)
    {
        _old.Remove(member.Id);
        _young[member.Id] = member;
        if (_young.Count >= capacity / 2)
        {
            _old = _young;
            _young = new Dictionary<string, StoryCandidate>(StringComparer.Ordinal);
        }
    }

    public void Remove(string articleId)
    {
        _young.Remove(articleId);
        _old.Remove(articleId);
    }

    /// <summary>Members of story <paramref name="from"/> now belong to <paramref name="into"/>.</summary>
    public void MergeStory(string from, string into)
    {
        Rename(_young, from, into);
        Rename(_old, from, into);
    }

    public void Clear()
    {
        _young.Clear();
        _old.Clear();
    }

    private static void Rename(Dictionary<string, StoryCandidate> members, string from, string into)
    {
        foreach (var member in members.Values.Where(m => m.StoryId == from).ToList())
        {
            members[member.Id] = member with { StoryId = into };
        }
    }
}
