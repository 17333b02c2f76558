namespace NewsDesk.Stories;

/// <summary>
/// Groups reports into stories in memory, for the <c>cluster</c> command and tests; the pipeline does the same
/// against LiteDB. Each new report is compared only with earlier reports that share a band key, never with all
/// of them, and joins the story of the most similar match, or starts a story named after its own id.
/// Feed it in date order so a story is named after its first report.
/// </summary>
public sealed class StoryClusterer(StoryMatcher matcher)
{
    // A key that thousands of reports share ("e:china|united states") says little; look only at its latest entries.
    private const int MaxPerKey = 200;

    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, List<int>> index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> storyOf = new(StringComparer.Ordinal);

    public StoryClusterer()
        : this(new StoryMatcher())
    {
    }

    /// <summary>Story id per item id, for every item added so far.</summary>
    public IReadOnlyDictionary<string, string> Stories => storyOf;

    public IReadOnlyList<string> AddRange(IEnumerable<StoryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Select(Add)];
    }

    /// <summary>Adds one report and returns its story id.</summary>
    public string Add(StoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (storyOf.ContainsKey(item.Id))
        {
            throw new ArgumentException($"stories: item '{item.Id}' was already added", nameof(item));
        }

        var signature = matcher.Sign(item.Title, item.Text, item.Entities);
        var keys = matcher.BandKeys(signature);
        var story = BestMatch(signature, item.Date, keys) ?? item.Id;

        var position = entries.Count;
        entries.Add(new Entry(signature, item.Date, story));
        foreach (var key in keys)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(position);
        }

        storyOf[item.Id] = story;
        return story;
    }

    private string? BestMatch(StorySignature signature, DateTimeOffset? date, string[] keys)
    {
        var seen = new HashSet<int>();
        string? best = null;
        var bestSimilarity = double.NegativeInfinity;
        foreach (var key in keys)
        {
            if (!index.TryGetValue(key, out var list))
            {
                continue;
            }

            for (var i = list.Count - 1; i >= Math.Max(0, list.Count - MaxPerKey); i--)
            {
                var candidate = entries[list[i]];
                if (!seen.Add(list[i]) || !matcher.IsSameStory(signature, date, candidate.Signature, candidate.Date))
                {
                    continue;
                }

                var similarity = matcher.Similarity(signature, candidate.Signature);
                if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    best = candidate.Story;
                }
            }
        }

        return best;
    }

    private sealed record Entry(StorySignature Signature, DateTimeOffset? Date, string Story);
}
