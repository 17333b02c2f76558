namespace NewsDesk.Text;

/// <summary>
/// Splits plain text into sentences with their offsets. Rule-based: a sentence ends at . ! ? (optionally
/// followed by closing quotes or brackets) before white space and an upper-case letter, digit or quote,
/// or at a blank line. Common abbreviations (Mr., U.S., e.g.) and initials do not end a sentence.
/// Tagging evidence and summaries both use it, so a sentence index means the same thing everywhere.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp",
        "no", "gen", "gov", "sen", "rep", "hon", "rt", "u.s", "u.k", "u.n", "e.u", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "op", "al",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var result = new List<TextSpan>();
        if (string.IsNullOrEmpty(text))
        {
            return result;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                Add(result, text, start, i);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, start, i))
            {
                continue;
            }

            Add(result, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(result, text, start, text.Length);
        return result;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' || !char.IsLetter(c) && !char.IsPunctuation(c);

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "John F. Kennedy"
        }

        return Abbreviations.Contains(word.ToString());
    }

    private static void Add(List<TextSpan> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new TextSpan(start, end - start, text[start..end]));
        }
    }
}
