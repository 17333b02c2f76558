namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Finds organisation names that no list can hold, from a capitalised head word: "UK AI Safety Institute",
/// "Japan Science and Technology Agency", "University of Washington". Walks back over capitalised words (and the
/// small words inside names), then forward over "of X".
/// </summary>
internal static class OrganisationFinder
{
    private const int MaxWords = 6;
    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal) { "of", "for", "and", "&", "on", "de" };
    private static readonly HashSet<string> Leading = new(StringComparer.Ordinal) { "The", "A", "An", "and", "of", "for", "on", "de", "&" };

    /// <summary>The span of the full name whose head word sits at <paramref name="start"/>; null when the word stands alone.</summary>
    public static (int Start, int End)? NameAround(string text, int start, int length)
    {
        var first = start;
        var i = start;
        for (var words = 0; words < MaxWords; words++)
        {
            var j = i;
            if (j == 0 || text[j - 1] != ' ')
            {
                break;
            }

            j--;
            var end = j;
            while (j > 0 && (char.IsLetterOrDigit(text[j - 1]) || text[j - 1] is '-' or '&' or '\'' or '\u2019'))
            {
                j--;
            }

            var word = text[j..end];
            if (word.Length == 0 || !(char.IsUpper(word[0]) || Joiners.Contains(word)))
            {
                break;
            }

            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal))
            {
                break; // "Britain's AI Institute": the possessive is the owner, not part of the name
            }

            i = j;
            if (char.IsUpper(word[0]))
            {
                first = j;
            }
        }

        var last = start + length;
        if (text.AsSpan(last).StartsWith(" of ", StringComparison.Ordinal) && last + 4 < text.Length && char.IsUpper(text[last + 4]))
        {
            last += 4;
            while (last < text.Length && (char.IsLetter(text[last]) || text[last] == '-'))
            {
                last++;
            }
        }

        while (first < start)
        {
            var space = text.IndexOf(' ', first, start - first);
            if (space < 0 || !Leading.Contains(text[first..space]))
            {
                break;
            }

            first = space + 1;
        }

        return first == start && last == start + length ? null : (first, last);
    }
}
