using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Stories;

/// <summary>
/// Full calendar dates written in a text: "May 17, 2024", "17 May 2024" and "2024-05-17". A month or a year alone
/// is too coarse for a days-wide window, so it is not read.
/// </summary>
internal static partial class MentionedDates
{
    private const int MaxDates = 4;

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    [GeneratedRegex(
        @"\b(?:(?<month>[A-Z][a-z]+)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d\d)|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Z][a-z]+)\.?,?\s+(?<year>(?:19|20)\d\d)|(?<year>(?:19|20)\d\d)-(?<monthNumber>\d\d)-(?<day>\d\d))\b",
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
                dates.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        return [.. dates.Distinct(StringComparer.Ordinal).Take(MaxDates)];
    }

    public static DateTimeOffset? Parse(string value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    private static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
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
