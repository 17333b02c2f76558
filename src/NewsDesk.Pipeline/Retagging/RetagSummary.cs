namespace NewsDesk.Retagging;

/// <summary>
/// What a retag changed: how many articles it read, how many got other tags or parties, how many moved to another story,
/// and per theme how many articles gained or lost it. Kept in the checkpoint, so a resumed run reports the whole run.
/// Built up by one run at a time.
/// </summary>
public sealed class RetagSummary
{
    public int Processed { get; set; }
    public int TagsChanged { get; set; }
    public int StoriesChanged { get; set; }
    public SortedDictionary<string, int> Added { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> Removed { get; set; } = new(StringComparer.Ordinal);

    internal void Count(IReadOnlyCollection<string> before, IReadOnlyCollection<string> after, bool tagsChanged, bool storyChanged)
    {
        Processed++;
        TagsChanged += tagsChanged ? 1 : 0;
        StoriesChanged += storyChanged ? 1 : 0;
        foreach (var theme in after.Except(before, StringComparer.Ordinal))
        {
            Added[theme] = Added.GetValueOrDefault(theme) + 1;
        }

        foreach (var theme in before.Except(after, StringComparer.Ordinal))
        {
            Removed[theme] = Removed.GetValueOrDefault(theme) + 1;
        }
    }

    /// <summary>One line per theme that changed, e.g. "standards: +3 -1", in theme-name order.</summary>
    public IEnumerable<string> ThemeLines() =>
        Added.Keys.Union(Removed.Keys).Order(StringComparer.Ordinal)
            .Select(theme => $"{theme}: +{Added.GetValueOrDefault(theme)} -{Removed.GetValueOrDefault(theme)}");
}
