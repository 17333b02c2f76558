namespace NewsDesk.Tagging.Matching;

/// <summary>
/// A phrase to find. <paramref name="Folded"/> is the phrase after <see cref="TextNormaliser"/>; when
/// <paramref name="CaseSensitive"/> is set the original text must also equal <paramref name="Original"/> exactly
/// (so "US" the country is found but "us" the pronoun is not). <paramref name="OpenEnd"/> drops the word-boundary check
/// after the phrase, so "collaborat" also finds "collaboration".
/// </summary>
internal sealed record MatcherPattern(string Original, string Folded, bool CaseSensitive, bool OpenEnd)
{
    /// <summary>
    /// Reads the taxonomy and gazetteer term syntax: a trailing '*' means an open end; any upper-case letter makes the
    /// term case-sensitive (acronyms and proper names), all lower-case terms match in any case.
    /// </summary>
    public static MatcherPattern Parse(string term)
    {
        var openEnd = term.EndsWith('*');
        var text = openEnd ? term[..^1] : term;
        var caseSensitive = text.Any(char.IsUpper);
        return new MatcherPattern(text, TextNormaliser.Fold(text), caseSensitive, openEnd);
    }
}
