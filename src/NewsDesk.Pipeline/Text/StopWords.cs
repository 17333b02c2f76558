namespace NewsDesk.Text;

/// <summary>
/// English function words that carry no topic. Shared by summarising and story matching so both weigh the
/// same words; it would sit in Text/ if that folder had an owner for it.
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "new", "no", "nor",
        "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
        "own", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t",
        "one", "two", "today", "year", "years", "would", "may", "might", "must", "shall", "via", "per", "yet",
        "within", "without", "across", "among", "around", "amid", "upon", "onto", "however", "including",
    };

    public static bool Contains(string lowerWord) => Words.Contains(lowerWord);

    /// <summary>
    /// Lower-cased content words with a light plural strip, so "agreements" meets "agreement" without a
    /// full stemmer (which would cost more than it buys on news text).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="keepNumbers">Keep numbers of two or more digits ("110", "2026"): they tell one story from another.</param>
    public static List<string> ContentTerms(string text, bool keepNumbers = false) => ContentTerms(text, keepNumbers, out _);

    /// <summary>
    /// As above, also counting every word. Tokens follow <see cref="Text.WordTokenizer"/>'s rule (runs of letters,
    /// numbers and underscore) in a plain loop: the summarizer runs on every article and a regex pass per
    /// sentence was most of its cost.
    /// </summary>
    public static List<string> ContentTerms(string text, bool keepNumbers, out int wordCount)
    {
        var result = new List<string>();
        wordCount = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            wordCount++;
            if (i - start < 2)
            {
                continue;
            }

            var token = text.Substring(start, i - start).ToLowerInvariant();
            if (!Words.Contains(token) && (keepNumbers || !IsNumber(token)))
            {
                result.Add(Normalise(token));
            }
        }

        return result;
    }

    private static bool IsWordChar(char c) => c == '_' || char.GetUnicodeCategory(c) switch
    {
        System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.DecimalDigitNumber
            or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static bool IsNumber(string token)
    {
        foreach (var c in token)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalise(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return token[..^3] + "y";
        }

        if (token.Length > 3 && token[^1] == 's' && token[^2] is not ('s' or 'u' or 'i'))
        {
            return token[..^1];
        }

        return token;
    }
}
