using System.Globalization;

namespace NewsDesk.Parsing.Dates;

/// <summary>
/// Parses the dates feeds write: RFC 822/1123 with named zones, W3C-DTF / ISO 8601 variants, asctime,
/// Unix timestamps and the free-form strings publishers invent. Returns UTC, or null for anything it
/// cannot read with certainty. It never throws: one bad date must not cost the whole feed.
/// </summary>
public static class FeedDateParser
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        try
        {
            var trimmed = text.Trim();
            return IsoDateParser.TryParse(trimmed) ?? UnixTime(trimmed) ?? FreeformDateParser.TryParse(trimmed);
        }
        catch (ArgumentException)
        {
            // Out-of-range components that slipped past validation (e.g. 31 February): not a date.
            return null;
        }
    }

    private static DateTimeOffset? UnixTime(string text)
    {
        if (text.Length is < 9 or > 10 || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(text, CultureInfo.InvariantCulture));
    }

    /// <summary>Builds an instant from validated parts; null when any part is out of range.</summary>
    internal static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 24 || minute is < 0 or > 59 || second is < 0 or > 59
            || offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>Reads "+0100", "-01:01", "+01", "Z"; null when malformed.</summary>
    internal static TimeSpan? ParseOffset(string text)
    {
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        if (text.Length < 3 || (text[0] != '+' && text[0] != '-'))
        {
            return null;
        }

        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length is not (2 or 4) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -offset : offset;
    }

    internal static int ExpandYear(int year, int digits) =>
        digits > 2 ? year : year < 50 ? 2000 + year : 1900 + year;
}
