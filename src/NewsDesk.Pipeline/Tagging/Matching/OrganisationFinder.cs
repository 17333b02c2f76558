namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Finds organisation names that no list can hold, from a capitalised head word: "UK AI Safety Institute",
/// "Japan Science and Technology Agency", "University of Washington". Walks back over capitalised words (and the
/// small words inside names), then forward over "of X" or "for X" and the capitalised words after it (<see cref="ForwardEnd"/>).
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

        var last = ForwardEnd(text, start + length);

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

    /// <summary>
    /// Where a name that goes on after its head word ends: "of X" or "for X", then more capitalised words, and "and X"
    /// once inside such a name ("Ministry of Electronics and Information Technology", "Canadian Institute for
    /// Advanced Research", "Association of Southeast Asian Nations"). An acronym after it ("Council of Europe AI
    /// treaty") is not part of the name.
    /// </summary>
    private static int ForwardEnd(string text, int last)
    {
        var joined = false;
        for (var words = 0; words < MaxWords; words++)
        {
            var rest = text.AsSpan(last);
            int skip;
            if (rest.StartsWith(" of ", StringComparison.Ordinal) || rest.StartsWith(" for ", StringComparison.Ordinal))
            {
                skip = rest[1] == 'o' ? 4 : 5;
            }
            else if (joined && rest.StartsWith(" and ", StringComparison.Ordinal))
            {
                skip = 5;
            }
            else if (joined && rest.StartsWith(" ", StringComparison.Ordinal))
            {
                skip = 1;
            }
            else
            {
                break;
            }

            var wordStart = last + skip;
            var wordEnd = wordStart;
            while (wordEnd < text.Length && (char.IsLetterOrDigit(text[wordEnd]) || text[wordEnd] == '-'))
            {
                wordEnd++;
            }

            var word = text.AsSpan(wordStart, wordEnd - wordStart);
            if (word.Length == 0 || !char.IsUpper(word[0]) || (word.Length > 1 && IsAllCaps(word)))
            {
                break;
            }

            joined = true;
            last = wordEnd;
        }

        return last;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
