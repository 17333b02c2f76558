using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Metadata;

/// <summary>Parses the date formats pages put in JSON-LD, meta tags and &lt;time&gt;, plus dates in URL paths.</summary>
internal static partial class DateValueParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
        "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:sszzz", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParseExact(value, Formats, CultureInfo.InvariantCulture, styles, out var exact))
        {
            return Plausible(exact);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var loose) ? Plausible(loose) : null;
    }

    /// <summary>A date from a /2024/03/15/ style path, as midnight UTC.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = UrlDate().Match(url);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? Plausible(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero))
            : null;
    }

    private static DateTimeOffset? Plausible(DateTimeOffset date) => date.Year is >= 1990 and <= 2100 ? date : null;

    [GeneratedRegex(@"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
