using NewsDesk.Storage;

namespace NewsDesk.Stories;

/// <summary>
/// Story candidates held in memory, for <c>cluster</c> and <c>eval stories</c>: the same look-up the store's
/// <see cref="StoryIndex"/> does (reports sharing a key, the latest <see cref="StoryIndex.MaxPerKey"/> per key, those
/// sharing most first, at most <see cref="Limit"/>), without a file.
/// </summary>
public sealed class InMemoryStoryCandidates : IStoryCandidateSource
{
    /// <summary>Candidates compared per report, as the store gives them to the pipeline (<see cref="StoreStoryCandidates"/>).</summary>
    public const int Limit = StoryGrouper.MaxCandidates;

    private readonly Dictionary<string, StoryCandidate> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _postings = new(StringComparer.Ordinal);

    /// <summary>Story id per report id, for every report added so far.</summary>
    public IReadOnlyDictionary<string, string> Stories => _members.ToDictionary(m => m.Key, m => m.Value.StoryId, StringComparer.Ordinal);

    public void Add(StoryItem item, StoryAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(assignment);
        if (!_members.TryAdd(item.Id, new StoryCandidate(item.Id, assignment.StoryId, item.Date, assignment.Signature)))
        {
            throw new ArgumentException($"stories: item '{item.Id}' was already added", nameof(item));
        }

        foreach (var key in assignment.Keys)
        {
            if (!_postings.TryGetValue(key, out var list))
            {
                _postings[key] = list = [];
            }

            list.Add(item.Id);
        }
    }

    public IReadOnlyList<StoryCandidate> Find(IReadOnlyCollection<string> keys, DateTimeOffset? since)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_postings.TryGetValue(key, out var list))
            {
                continue;
            }

            foreach (var id in list.Skip(Math.Max(0, list.Count - StoryIndex.MaxPerKey)))
            {
                if (since is null || _members[id].Date is not { } date || date >= since)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        return [.. shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(Limit).Select(p => _members[p.Key])];
    }

    public int CountStory(string storyId, int upTo) => Math.Min(upTo, _members.Values.Count(m => m.StoryId == storyId));

    public void MergeStory(string from, string into)
    {
        foreach (var member in _members.Values.Where(m => m.StoryId == from).ToList())
        {
            _members[member.Id] = member with { StoryId = into };
        }
    }
}
