namespace NewsDesk.Parsing.Dates;

/// <summary>
/// Offsets of the zone names feeds actually write. RFC 822 names only UT/GMT and the US zones;
/// publishers also write European and single-letter US names, which FeedReader silently read as UTC.
/// </summary>
internal static class TimeZoneAbbreviations
{
    private static readonly Dictionary<string, TimeSpan> Offsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero,
        ["UTC"] = TimeSpan.Zero,
        ["GMT"] = TimeSpan.Zero,
        ["Z"] = TimeSpan.Zero,
        ["WET"] = TimeSpan.Zero,
        ["WEST"] = H(1),
        ["BST"] = H(1),
        ["CET"] = H(1),
        ["MET"] = H(1),
        ["MEZ"] = H(1),
        ["CEST"] = H(2),
        ["MEST"] = H(2),
        ["MESZ"] = H(2),
        ["EET"] = H(2),
        ["EEST"] = H(3),
        ["MSK"] = H(3),
        ["IST"] = TimeSpan.FromMinutes(330),
        ["SGT"] = H(8),
        ["HKT"] = H(8),
        ["JST"] = H(9),
        ["KST"] = H(9),
        ["AEST"] = H(10),
        ["AEDT"] = H(11),
        ["NZST"] = H(12),
        ["NZDT"] = H(13),
        ["AT"] = H(-4),
        ["AST"] = H(-4),
        ["ADT"] = H(-3),
        ["ET"] = H(-5),
        ["EST"] = H(-5),
        ["EDT"] = H(-4),
        ["CT"] = H(-6),
        ["CST"] = H(-6),
        ["CDT"] = H(-5),
        ["MT"] = H(-7),
        ["MST"] = H(-7),
        ["MDT"] = H(-6),
        ["PT"] = H(-8),
        ["PST"] = H(-8),
        ["PDT"] = H(-7),
        ["AKST"] = H(-9),
        ["AKDT"] = H(-8),
        ["HST"] = H(-10),
    };

    public static bool TryGet(string name, out TimeSpan offset) => Offsets.TryGetValue(name, out offset);

    private static TimeSpan H(int hours) => TimeSpan.FromHours(hours);
}
