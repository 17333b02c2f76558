using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Parsing.Dates;

/// <summary>W3C-DTF and the ISO 8601 shapes feeds use (reduced precision, ordinal, compact, Korean and Hungarian forms).</summary>
internal static partial class IsoDateParser
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static DateTimeOffset? TryParse(string text)
    {
        text = HungarianMonth().Replace(text, m =>
            MonthNames.TryGet(m.Groups[1].Value, out var month) ? $"-{month:00}-" : m.Value);

        var m = Extended().Match(text);
        if (m.Success)
        {
            TimeSpan? offset = m.Groups["z"].Success ? FeedDateParser.ParseOffset(m.Groups["z"].Value) : TimeSpan.Zero;
            if (offset is null)
            {
                return null;
            }

            return FeedDateParser.Build(
                Int(m, "y"), m.Groups["m"].Success ? Int(m, "m") : 1, m.Groups["d"].Success ? Int(m, "d") : 1,
                Int(m, "H"), Int(m, "M"), Int(m, "S"), offset.Value);
        }

        if ((m = Korean().Match(text)).Success)
        {
            var hour = Int(m, "H");
            hour += m.Groups["pm"].Value == "오후" && hour < 12 ? 12 : 0;
            return FeedDateParser.Build(Int(m, "y"), Int(m, "m"), Int(m, "d"), hour, Int(m, "M"), Int(m, "S"), Kst);
        }

        if ((m = YearMonthShort().Match(text)).Success)
        {
            return FeedDateParser.Build(2000 + Int(m, "y"), Int(m, "m"), 1, 0, 0, 0, TimeSpan.Zero);
        }

        if ((m = CompactDate().Match(text)).Success)
        {
            return FeedDateParser.Build(FeedDateParser.ExpandYear(Int(m, "y"), 2), Int(m, "m"), Int(m, "d"), 0, 0, 0, TimeSpan.Zero);
        }

        if ((m = OrdinalDate().Match(text)).Success)
        {
            var year = FeedDateParser.ExpandYear(Int(m, "y"), 2);
            var day = Int(m, "o");
            if (day < 1 || day > (DateTime.IsLeapYear(year) ? 366 : 365))
            {
                return null;
            }

            return FeedDateParser.Build(year, 1, 1, 0, 0, 0, TimeSpan.Zero)?.AddDays(day - 1);
        }

        return null;
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    // A trailing "Z" after an explicit offset is a common publisher mistake; the offset wins.
    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{1,3})(?:-(?<d>\d{1,2}))?)?(?:[T ]\s*(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2})(?:[.,]\d+)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?)?)?Z?$")]
    private static partial Regex Extended();

    [GeneratedRegex(@"^(?<y>\d{4})(?:년|-)\s*(?<m>\d{1,2})(?:월|-)\s*(?<d>\d{1,2})일?\s+(?<pm>오전|오후)?\s*(?<H>\d{1,2}):(?<M>\d{2}):(?<S>\d{2})$")]
    private static partial Regex Korean();

    [GeneratedRegex(@"^-(?<y>\d{2})-(?<m>\d{2})$")]
    private static partial Regex YearMonthShort();

    [GeneratedRegex(@"^(?<y>\d{2})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^(?<y>\d{2})(?<o>\d{3})$")]
    private static partial Regex OrdinalDate();

    [GeneratedRegex(@"-(\p{L}+)-")]
    private static partial Regex HungarianMonth();
}
