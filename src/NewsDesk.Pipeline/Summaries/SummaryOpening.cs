using System.Text.RegularExpressions;

namespace NewsDesk.Summaries;

/// <summary>
/// How a summary sentence opens. Wire copy starts with a dateline ("BRUSSELS, Nov 23 (PolicyWire) -") and sometimes
/// a byline, which a summary drops; and a sentence that refers back ("It also lays down…", "The move…") makes no sense
/// without the one before it, so a summary never opens on one. The summariser and <c>eval summaries</c> both use this.
/// </summary>
public static partial class SummaryOpening
{
    // A city in capitals, an optional date, an optional agency in brackets, then a dash: "BRUSSELS, Nov 23 (PolicyWire) -",
    // "LONDON (Reuters) —", "NEW DELHI -". Or the agency alone: "(PolicyWire) -".
    [GeneratedRegex(@"^(?:By\s+\p{Lu}[\p{L}'.\-]+(?:\s+\p{Lu}[\p{L}'.\-]+){0,3}(?:\s+and\s+\p{Lu}[\p{L}'.\-]+(?:\s+\p{Lu}[\p{L}'.\-]+){0,3})?\s*[,|]?\s*(?:\p{Lu}[\p{L}]+\s+)?(?=\p{Lu}{2,}))?(?:\p{Lu}[\p{Lu}.'\-]{2,}(?:\s+\p{Lu}[\p{Lu}.'\-]+){0,3}(?:,\s*\p{Lu}[\p{L}.]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?|\([^)]{1,40}\))\s*[-\u2013\u2014]{1,2}\s+(?=[\p{Lu}\d""\u201C])", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    // Words and phrases that point at something said before. "This week" and its kin point at time, not back.
    [GeneratedRegex(@"^[""\u201C']?(?:(?:It|Its|It's|They|Their|Them|He|She|His|Her|Such|Also|However|But|And|Meanwhile|Moreover|Furthermore|Additionally|Nevertheless|Still|Instead|Both|Those|These)\b|In addition\b|As a result\b|(?:This|That)\b(?!\s+(?:year|week|month|morning|afternoon|evening|spring|summer|autumn|fall|winter|time)\b)|The (?:move|step|decision|announcement|latter|former|same|deal|pact|plan|measure|agreement|initiative|proposal)\b(?!\s+(?:between|by|to|for|of|on|with)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex BackReference();

    /// <summary>How many characters of <paramref name="sentence"/> are a dateline or byline (0 when none).</summary>
    public static int DatelineLength(string sentence)
    {
        var match = Dateline().Match(sentence);
        // A whole sentence of capitals before a dash is a heading, not a dateline in front of news.
        return match.Success && match.Length < sentence.Length ? match.Length : 0;
    }

    /// <summary>The sentence without its leading dateline or byline.</summary>
    public static string WithoutDateline(string sentence) => sentence[DatelineLength(sentence)..];

    /// <summary>True when the sentence leans on the one before it and cannot open a summary.</summary>
    public static bool RefersBack(string sentence) => BackReference().IsMatch(sentence.TrimStart());

    /// <summary>True when a summary starting with <paramref name="summary"/> opens cleanly: no dateline, no byline, nothing referring back.</summary>
    public static bool OpensCleanly(string summary) =>
        summary.Length > 0 && DatelineLength(summary) == 0 && !RefersBack(summary) && !summary.TrimStart().StartsWith("By ", StringComparison.Ordinal);
}
