using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Parsing.Dates;

/// <summary>
/// RFC 822/1123, asctime and the free-form dates publishers write ("Friday, December 22, 2017 - 3:09pm").
/// Every token that carries a digit must be understood; words that are not months or zones (weekdays
/// in any language, "at") are ignored. That rule is what rejects "16 zzz 2012" and "+00:zz" instead of guessing.
/// </summary>
internal static partial class FreeformDateParser
{
    public static DateTimeOffset? TryParse(string text)
    {
        text = Parenthetical().Replace(text, " ");
        text = GmtOffset().Replace(text, " $1 ");
        var parts = new DateParts();
        foreach (var raw in text.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!parts.Accept(raw))
            {
                return null;
            }
        }

        return parts.Build();
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"\b(?:GMT|UTC)([+-]\d{1,2}(?::?\d{2})?)\b")]
    private static partial Regex GmtOffset();

    [GeneratedRegex(@"^(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2})(?:[.,]\d+)?)?(?<ampm>am|pm|a\.m\.|p\.m\.)?$", RegexOptions.IgnoreCase)]
    internal static partial Regex TimeToken();

    [GeneratedRegex(@"^(?<a>\d{1,4})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<c>\d{1,4})$")]
    internal static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<n>\d{1,4})(?:st|nd|rd|th|\.)?$", RegexOptions.IgnoreCase)]
    internal static partial Regex Number();

    [GeneratedRegex(@"^[+-]\d{2}:?\d{2}$|^[+-]\d{1,2}$")]
    internal static partial Regex Offset();

    [GeneratedRegex(@"^\p{L}+\.?$")]
    internal static partial Regex Word();

    [GeneratedRegex(@"^[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?$")]
    internal static partial Regex ZoneId();

    /// <summary>The components found so far; Accept returns false on a token that cannot be part of a date.</summary>
    private sealed class DateParts
    {
        private readonly List<(int Value, int Digits)> numbers = [];
        private int? year, month, day, hour, minute, second;
        private bool? pm;
        private TimeSpan? offset;
        private TimeZoneInfo? zone;

        public bool Accept(string token)
        {
            var lower = token.ToLowerInvariant();
            if (lower is "am" or "a.m." or "pm" or "p.m.")
            {
                pm = lower[0] == 'p';
                return true;
            }

            // Case matters: "at" is a word ("June 22 at 13:11"), "AT" is Atlantic Time.
            if (token is "-" or "at" or "à" or "um")
            {
                return true;
            }

            Match m;
            if ((m = TimeToken().Match(token)).Success)
            {
                if (hour is not null)
                {
                    return false;
                }

                (hour, minute, second) = (Int(m, "H"), Int(m, "M"), Int(m, "S"));
                pm = m.Groups["ampm"].Success ? char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p' : pm;
                return true;
            }

            if (Offset().IsMatch(token) && hour is not null)
            {
                offset = FeedDateParser.ParseOffset(token.Length <= 3 ? token + "00" : token);
                return offset is not null;
            }

            if ((m = NumericDate().Match(token)).Success)
            {
                return AcceptNumericDate(m);
            }

            if ((m = Number().Match(token)).Success)
            {
                numbers.Add((Int(m, "n"), m.Groups["n"].Length));
                return numbers.Count <= 3;
            }

            if (ZoneId().IsMatch(token))
            {
                return TimeZoneInfo.TryFindSystemTimeZoneById(token, out zone);
            }

            if (!Word().IsMatch(token))
            {
                return false;
            }

            if (MonthNames.TryGet(token, out var monthNumber))
            {
                month = monthNumber;
            }
            else if (TimeZoneAbbreviations.TryGet(token, out var named))
            {
                offset = named;
            }
            else if (token.TrimEnd('.').Length == 1)
            {
                // A lone letter where a day or year belongs is a corrupted date, not a weekday.
                return false;
            }

            return true;
        }

        public DateTimeOffset? Build()
        {
            if (!AssignNumbers() || year is null || month is null)
            {
                return null;
            }

            var h = hour ?? 0;
            if (pm is not null && (h is < 1 or > 12))
            {
                return null;
            }

            h = pm switch { true => h % 12 + 12, false => h % 12, null => h };
            var zoneOffset = offset ?? TimeSpan.Zero;
            if (zone is not null)
            {
                var local = new DateTime(year.Value, month.Value, Math.Min(day ?? 1, 28), h, 0, 0, DateTimeKind.Unspecified);
                zoneOffset = zone.GetUtcOffset(local);
            }

            return FeedDateParser.Build(year.Value, month.Value, day ?? 1, h, minute ?? 0, second ?? 0, zoneOffset);
        }

        private bool AcceptNumericDate(Match m)
        {
            if (year is not null)
            {
                return false;
            }

            var (a, b, c) = (Int(m, "a"), Int(m, "b"), Int(m, "c"));
            var sep = m.Groups["sep"].Value;
            if (m.Groups["a"].Length == 4)
            {
                (year, month, day) = (a, b, c);
            }
            else if (sep == "/" && a <= 12)
            {
                // Slashes with a first part that can be a month: US order, as US publishers write it.
                (month, day, year) = (a, b, FeedDateParser.ExpandYear(c, m.Groups["c"].Length));
            }
            else
            {
                (day, month, year) = (a, b, FeedDateParser.ExpandYear(c, m.Groups["c"].Length));
            }

            return true;
        }

        private bool AssignNumbers()
        {
            if (numbers.Count == 0)
            {
                return true;
            }

            var yearIndex = numbers.FindIndex(n => n.Digits >= 3);
            if (yearIndex < 0 && year is null)
            {
                // Without a four-digit year, RFC 822 order holds: day first, then a two-digit year.
                yearIndex = numbers.Count >= 2 ? numbers.Count - 1 : (numbers[0].Value > 31 ? 0 : -1);
            }

            for (var i = 0; i < numbers.Count; i++)
            {
                if (i == yearIndex && year is null)
                {
                    year = FeedDateParser.ExpandYear(numbers[i].Value, numbers[i].Digits);
                }
                else if (day is null && numbers[i].Digits <= 2)
                {
                    day = numbers[i].Value;
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        private static int Int(Match m, string group) =>
            m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
    }
}
