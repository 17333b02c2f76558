namespace NewsDesk.Stories;

/// <summary>
/// Country and bloc names with their common aliases and adjectives, mapped to one lower-case canonical name,
/// so "U.S.", "US", "American" and "United States" count as one party. A few capitals stand for their
/// government in news style ("Washington and Beijing agreed...", "talks in Seoul") and map to it as well; capitals
/// that mostly name a company's base or a venue (London, Paris) are left out.
/// </summary>
internal static class CountryNames
{
    private static readonly Dictionary<string, string> Aliases = Build(
        ("united states", ["us", "u.s", "u.s.", "usa", "u.s.a", "america", "american", "washington"]),
        ("united kingdom", ["uk", "u.k", "u.k.", "britain", "great britain", "british"]),
        ("european union", ["eu", "e.u", "e.u.", "european commission", "brussels"]),
        ("china", ["chinese", "prc", "beijing"]),
        ("japan", ["japanese", "tokyo"]),
        ("south korea", ["korea", "korean", "republic of korea", "seoul"]),
        ("india", ["indian", "new delhi"]),
        ("france", ["french"]),
        ("germany", ["german"]),
        ("italy", ["italian"]),
        ("spain", ["spanish"]),
        ("canada", ["canadian"]),
        ("australia", ["australian"]),
        ("new zealand", []),
        ("singapore", ["singaporean"]),
        ("united arab emirates", ["uae", "emirati"]),
        ("saudi arabia", ["saudi"]),
        ("israel", ["israeli"]),
        ("russia", ["russian", "moscow"]),
        ("brazil", ["brazilian"]),
        ("mexico", ["mexican"]),
        ("argentina", []),
        ("chile", []),
        ("south africa", []),
        ("nigeria", ["nigerian"]),
        ("kenya", ["kenyan"]),
        ("rwanda", ["rwandan"]),
        ("egypt", ["egyptian"]),
        ("ghana", []),
        ("morocco", []),
        ("indonesia", ["indonesian"]),
        ("malaysia", ["malaysian"]),
        ("thailand", ["thai"]),
        ("vietnam", ["viet nam", "vietnamese"]),
        ("philippines", ["filipino", "philippine"]),
        ("taiwan", ["taiwanese"]),
        ("netherlands", ["dutch", "the netherlands"]),
        ("belgium", []),
        ("sweden", ["swedish"]),
        ("norway", ["norwegian"]),
        ("denmark", ["danish"]),
        ("finland", ["finnish"]),
        ("ireland", ["irish"]),
        ("poland", ["polish"]),
        ("ukraine", ["ukrainian"]),
        ("switzerland", ["swiss"]),
        ("austria", []),
        ("estonia", []),
        ("greece", ["greek"]),
        ("portugal", []),
        ("turkey", ["turkish", "türkiye"]),
        ("qatar", []),
        ("pakistan", []),
        ("bangladesh", []),
        ("sri lanka", []),
        ("colombia", []),
        ("peru", []));

    private static readonly HashSet<string> Canonical = [.. Aliases.Values];

    /// <summary>The longest alias, in words, so a scanner knows how far to look ahead.</summary>
    public static int MaxWords { get; } = Aliases.Keys.Max(k => k.Split(' ').Length);

    public static bool TryCanonical(string name, out string canonical) =>
        Aliases.TryGetValue(name.ToLowerInvariant(), out canonical!);

    public static bool IsCountry(string lowerName) => Canonical.Contains(lowerName);

    private static Dictionary<string, string> Build(params (string Name, string[] Aliases)[] countries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in countries)
        {
            map[name] = name;
            foreach (var alias in aliases)
            {
                map[alias] = name;
            }
        }

        return map;
    }
}
