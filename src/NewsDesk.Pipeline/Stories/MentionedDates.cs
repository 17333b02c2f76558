using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Stories;

/// <summary>
/// Calendar dates written in a text: full ones ("May 17, 2024", "17 May 2024", "2024-05-17") as yyyy-MM-dd, and a day
/// without its year ("on Monday (Jul 25)", "on December 5") as --MM-dd, the ISO 8601 form: news names the day of an
/// event and leaves the year to the reader. A month or a year alone is too coarse for a days-wide window, so it is not read.
/// </summary>
internal static partial class MentionedDates
{
    private const int MaxDates = 4;

    /// <summary>English month names, lower case, January first.</summary>
    internal static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    [GeneratedRegex(
        @"\b(?:(?<month>[A-Z][a-z]+)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d\d)|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Z][a-z]+)\.?,?\s+(?<year>(?:19|20)\d\d)|(?<year>(?:19|20)\d\d)-(?<monthNumber>\d\d)-(?<day>\d\d)"
        // Without a year: tried after the full forms, so "May 17, 2024" is never read as May 17 of any year.
        + @"|(?<month>[A-Z][a-z]+)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?![\d,.]*\d)|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Z][a-z]+))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public static string[] Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dates = new List<string>();
        foreach (Match match in DatePattern().Matches(text))
        {
            if (TryDate(match, out var date))
            {
                dates.Add(date.ToString(match.Groups["year"].Success ? "yyyy-MM-dd" : "--MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return [.. dates.Distinct(StringComparer.Ordinal).Take(MaxDates)];
    }

    /// <summary>A full date <see cref="Find"/> gave; null for a day without its year.</summary>
    public static DateTimeOffset? Parse(string value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    /// <summary>A day without its year that <see cref="Find"/> gave (--MM-dd), as month and day.</summary>
    public static (int Month, int Day)? ParseDayOfYear(string value) =>
        value.Length == 7 && value.StartsWith("--", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? (month, day)
            : null;

    /// <summary>
    /// That day in the year of <paramref name="near"/>, or the year before or after, whichever is nearest to it: how
    /// far a dated report lies from a day named without a year. 29 February is the 28th in other years.
    /// </summary>
    public static DateTimeOffset Nearest((int Month, int Day) day, DateTimeOffset near)
    {
        DateTimeOffset In(int year) => new(year, day.Month, Math.Min(day.Day, DateTime.DaysInMonth(year, day.Month)), 0, 0, 0, TimeSpan.Zero);
        return new[] { In(near.Year - 1), In(near.Year), In(near.Year + 1) }.MinBy(d => (d - near).Duration());
    }

    private static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        // A day without its year is checked against a leap year, so 29 February passes.
        var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : 2024;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        int month;
        if (match.Groups["monthNumber"].Success)
        {
            month = int.Parse(match.Groups["monthNumber"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var name = match.Groups["month"].Value.ToLowerInvariant();
            // "Sept", "Dec": a name or an abbreviation of at least three letters.
            month = name.Length < 3 ? 0 : Array.FindIndex(Months, m => m.StartsWith(name, StringComparison.Ordinal)) + 1;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
