namespace NewsDesk.Filtering;

/// <summary>
/// A source's keep and drop rules (the global ones from feeds.json first, then its own). An item is dropped when a drop
/// rule matches it, or when there are keep rules and none matches. The result names the rule, which is what is recorded.
/// </summary>
public sealed record FilterRules(IReadOnlyList<FilterRule> Rules)
{
    public static readonly FilterRules None = new([]);

    public bool IsEmpty => Rules.Count == 0;

    /// <summary>
    /// Before the page is fetched: only drop rules on the entry's own title, link and feed text can decide, and an item
    /// they drop is never fetched. Keep rules wait for the page, since its text or themes may match them.
    /// </summary>
    public string? DropBeforeFetch(FilterSubject subject) => Rules.FirstOrDefault(r => r.NeedsOnlyTheEntry && r.Matches(subject))?.Describe();

    /// <summary>With everything known (page text, themes, language): the reason to drop, or null to keep.</summary>
    public string? Drop(FilterSubject subject)
    {
        if (Rules.FirstOrDefault(r => !r.Keep && r.Matches(subject)) is { } drop)
        {
            return drop.Describe();
        }

        var keeps = Rules.Where(r => r.Keep).ToList();
        return keeps.Count == 0 || keeps.Any(r => r.Matches(subject)) ? null : NoKeepMatched(keeps);
    }

    /// <summary>
    /// True when <paramref name="rule"/> (as <see cref="Drop"/> described it) could still come from these rules: a drop
    /// remembered from before an edit of the rules must not outlive the rule.
    /// </summary>
    public bool CanDrop(string rule)
    {
        var keeps = Rules.Where(r => r.Keep).ToList();
        return Rules.Any(r => !r.Keep && r.Describe() == rule) || (keeps.Count > 0 && NoKeepMatched(keeps) == rule);
    }

    private static string NoKeepMatched(List<FilterRule> keeps) => $"no keep rule matched ({string.Join("; ", keeps.Select(k => k.Describe()))})";
}
