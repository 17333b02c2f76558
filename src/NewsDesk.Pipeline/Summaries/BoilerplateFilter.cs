using System.Text.RegularExpressions;

namespace NewsDesk.Summaries;

/// <summary>
/// Recognises sentences that extraction let through but that never belong in a summary: share bars,
/// newsletter prompts, captions, copyright lines, cookie notices, bare datelines, headings and questions
/// put to the reader.
/// </summary>
internal static partial class BoilerplateFilter
{
    private const int MinimumWords = 6;

    [GeneratedRegex(
        @"\b(share (this|on)|sign up|subscribe|newsletter|read more|click here|follow us|all rights reserved|copyright|cookies?|privacy policy|terms of (use|service)|advertisement|sponsored|related (articles|stories)|you may also like|download the app|image credit|photo credit|getty images|this article (was|is) (originally )?(published|updated))\b|^(photo|image|picture|caption|source|credit|video|watch|listen|related|update[ds]?|editor'?s note)\s*:|©",
        RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplatePattern();

    [GeneratedRegex(@"^(published|posted|updated|last updated|first published|by)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();

    public static bool IsBoilerplate(string sentence, int wordCount)
    {
        if (wordCount < MinimumWords)
        {
            return true; // headings, captions, bylines, datelines
        }

        var trimmed = sentence.TrimEnd('"', '\'', ')', '\u201D', '\u2019', ' ');
        if (trimmed.EndsWith('?'))
        {
            return true; // "What do you think?" addresses the reader, it reports nothing
        }

        if (!EndsLikeProse(trimmed) && wordCount < 15)
        {
            return true; // a heading or list label on its own line
        }

        // Matched against lower case: a case-insensitive regex cost several times more on every sentence.
        var lower = sentence.ToLowerInvariant();
        if (BoilerplatePattern().IsMatch(lower))
        {
            return true;
        }

        // Datelines and bylines: "Published 3 March 2025", "By Jane Doe, Reuters".
        return wordCount < 12 && DatelinePattern().IsMatch(lower);
    }

    private static bool EndsLikeProse(string sentence) =>
        sentence.Length > 0 && sentence[^1] is '.' or '!' or ';' or '\u2026';
}
