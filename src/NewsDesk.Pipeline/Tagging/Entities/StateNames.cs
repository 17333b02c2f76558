namespace NewsDesk.Tagging.Entities;

/// <summary>
/// The states of the gazetteer (countries, and the EU as one party) by every name they go by (name, aliases,
/// demonyms, capitals), mapped to one lower-case canonical name, so "U.S.", "American", "Washington" and "United States"
/// count as one party in story matching. The same file the tagger reads: one list of entities in the product.
/// </summary>
internal static class StateNames
{
    private static readonly Dictionary<string, string> Names = Build(Gazetteer.Default);

    private static readonly HashSet<string> Canonical = [.. Names.Values];

    /// <summary>The longest name, in words, so a scanner knows how far to look ahead.</summary>
    public static int MaxWords { get; } = Names.Keys.Max(k => k.Split(' ').Length);

    public static bool TryCanonical(string name, out string canonical) =>
        Names.TryGetValue(name.ToLowerInvariant(), out canonical!);

    public static bool IsState(string lowerName) => Canonical.Contains(lowerName);

    private static Dictionary<string, string> Build(Gazetteer gazetteer)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in gazetteer.Entries.Where(e => e.IsState))
        {
            var canonical = entry.Name.ToLowerInvariant();
            // Prefixes ("Sino-", "Anglo-") join another word and are never a word of their own here.
            foreach (var name in entry.Aliases.Concat(entry.Demonyms).Concat(entry.Capitals).Where(n => !n.EndsWith('-')))
            {
                map.TryAdd(name.ToLowerInvariant(), canonical);
            }
        }

        return map;
    }
}
