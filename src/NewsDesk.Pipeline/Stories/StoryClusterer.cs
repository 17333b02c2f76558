namespace NewsDesk.Stories;

/// <summary>
/// Groups reports into stories in memory, for the <c>cluster</c> command and tests; the pipeline does the same
/// against LiteDB. Each new report is compared only with earlier reports that share a band key, never with all
/// of them. It joins the story of its earliest match, or starts a story named after its own id; when it matches
/// reports of several stories it bridges them, and they merge into the earliest, as the pipeline does.
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
        var matched = Matches(signature, item.Date, keys);
        var story = matched.Count == 0 ? item.Id : entries[matched.Min()].Story;
        Merge([.. matched.Select(m => entries[m].Story).Where(s => s != story && CloseInTime(s, story))], story);

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

    /// <summary>Positions of the earlier reports that tell the same story.</summary>
    private List<int> Matches(StorySignature signature, DateTimeOffset? date, string[] keys)
    {
        var seen = new HashSet<int>();
        var matched = new List<int>();
        foreach (var key in keys)
        {
            if (!index.TryGetValue(key, out var list))
            {
                continue;
            }

            for (var i = list.Count - 1; i >= Math.Max(0, list.Count - MaxPerKey); i--)
            {
                var candidate = entries[list[i]];
                if (seen.Add(list[i]) && matcher.IsSameStory(signature, date, candidate.Signature, candidate.Date))
                {
                    matched.Add(list[i]);
                }
            }
        }

        return matched;
    }

    /// <summary>
    /// An undated report matches on wording alone, so it could bridge a signing and its follow-up months later;
    /// stories merge only when their dated reports come within the time window of each other.
    /// </summary>
    private bool CloseInTime(string story, string other)
    {
        var (first, last) = Span(story);
        var (otherFirst, otherLast) = Span(other);
        if (first is null || otherFirst is null)
        {
            return true;
        }

        return first.Value - otherLast!.Value <= matcher.TimeWindow && otherFirst.Value - last!.Value <= matcher.TimeWindow;
    }

    private (DateTimeOffset? First, DateTimeOffset? Last) Span(string story)
    {
        var dates = entries.Where(e => e.Story == story && e.Date is not null).Select(e => e.Date!.Value).ToList();
        return dates.Count == 0 ? (null, null) : (dates.Min(), dates.Max());
    }

    private void Merge(HashSet<string> stories, string into)
    {
        if (stories.Count == 0)
        {
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (stories.Contains(entries[i].Story))
            {
                entries[i] = entries[i] with { Story = into };
            }
        }

        foreach (var (id, story) in storyOf.ToList())
        {
            if (stories.Contains(story))
            {
                storyOf[id] = into;
            }
        }
    }

    private sealed record Entry(StorySignature Signature, DateTimeOffset? Date, string Story);
}
