using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Stories;

/// <summary>
/// Sums of money a text names ("$110 million", "€385m", "$5 bn", "385 million euros"), in millions, whatever the
/// currency: reports of one funding round or one investment quote the same sums, or close ones (a round "at a $9
/// billion valuation" and one "targeting $8bn"), while two rounds of one company quote different ones.
/// </summary>
internal static partial class MentionedAmounts
{
    private const int MaxAmounts = 6;

    /// <summary>How far apart two quoted sums can be and still be one figure, reported at two stages or rounded.</summary>
    public const double SameFigureRatio = 1.25;

    [GeneratedRegex(
        @"(?:[$€£¥]\s?(?<number>\d+(?:[.,]\d+)?)\s?(?<unit>trillion|billion|million|bn|mn|tn|m|b)?\b|\b(?<number>\d+(?:\.\d+)?)\s?(?<unit>trillion|billion|million|bn|mn)\s+(?:euros?|dollars?|pounds?|yen|yuan|rupees?)\b)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AmountPattern();

    public static string[] Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var amounts = new List<string>();
        foreach (Match match in AmountPattern().Matches(text))
        {
            var digits = match.Groups["number"].Value;
            // "1,000" is a thousand; "1,5" would be a decimal comma, rare in English news: read as a decimal point.
            var number = digits.Contains(',', StringComparison.Ordinal) && digits.Length - digits.IndexOf(',', StringComparison.Ordinal) == 4
                ? digits.Replace(",", "", StringComparison.Ordinal)
                : digits.Replace(',', '.');
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var millions = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "trillion" or "tn" => value * 1_000_000,
                "billion" or "bn" or "b" => value * 1_000,
                "million" or "mn" or "m" => value,
                _ => value / 1_000_000,
            };
            // Small sums (a ticket price, a share price) say nothing about which deal a report is about.
            if (millions >= 1)
            {
                amounts.Add(millions.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }

        return [.. amounts.Distinct(StringComparer.Ordinal).Take(MaxAmounts)];
    }

    /// <summary>Both texts quote sums and none of one's is near any of the other's: two different deals or rounds.</summary>
    public static bool Conflict(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var valuesB = b.Select(Value).ToArray();
        return !a.Select(Value).Any(x => valuesB.Any(y => Math.Max(x, y) <= SameFigureRatio * Math.Min(x, y)));
    }

    private static double Value(string amount) => double.Parse(amount, CultureInfo.InvariantCulture);
}
