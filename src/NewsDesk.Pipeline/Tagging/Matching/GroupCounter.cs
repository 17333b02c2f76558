using System.Globalization;

namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Reads the size of a counted group before a count noun: "28 countries", "Twenty-eight governments", "sixteen
/// companies", "more than a dozen of the world's top AI companies". A group of three or more is the plainest sign of
/// a multilateral effort, whatever the names.
/// </summary>
internal static class GroupCounter
{
    private const int MaxWordsBetween = 5;

    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2,
        ["both"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["hundred"] = 100,
        ["hundreds"] = 200,
        ["dozen"] = 12,
        ["dozens"] = 24,
        ["several"] = 3,
        ["multiple"] = 3,
    };

    /// <summary>The number before the noun at <paramref name="nounStart"/>, or null when there is none nearby.</summary>
    public static int? CountBefore(string text, int nounStart)
    {
        var i = nounStart;
        for (var words = 0; words <= MaxWordsBetween; words++)
        {
            while (i > 0 && !char.IsLetterOrDigit(text[i - 1]))
            {
                i--;
                if (text[i] is '.' or ';' or ':' or '!' or '?' && (i == 0 || !char.IsUpper(text[i - 1])))
                {
                    return null; // a sentence or clause ended: the number belongs to something else
                }
            }

            var end = i;
            while (i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                i--;
            }

            if (end == i)
            {
                return null;
            }

            var word = text.AsSpan(i, end - i);
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                // Money and years are numbers too, but not group sizes.
                var money = i > 0 && text[i - 1] is '$' or '€' or '£';
                return money || number >= 1000 ? null : number;
            }

            if (Words.TryGetValue(word.ToString(), out var value))
            {
                return value;
            }
        }

        return null;
    }
}
