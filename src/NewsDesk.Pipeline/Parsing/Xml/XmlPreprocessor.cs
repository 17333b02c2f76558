using System.Text.RegularExpressions;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Turns decoded feed text into something a strict XML reader accepts, in a fixed order: the
/// declaration goes first (its encoding no longer applies to decoded text), then the DOCTYPE (so DTD
/// processing can stay prohibited), then entities (which need the DOCTYPE's internal entities), and
/// last undeclared namespace prefixes (which otherwise abort the whole read).
/// </summary>
internal static partial class XmlPreprocessor
{
    /// <summary>Prefixes publishers use without declaring them, bound to the namespace they always mean.</summary>
    internal static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["xhtml"] = "http://www.w3.org/1999/xhtml",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
    };

    public static string Prepare(string text, out bool netscapeDoctype)
    {
        // Removed text leaves its line breaks so that error positions are those of the document as received.
        var start = text.IndexOf('<', StringComparison.Ordinal);
        text = start < 0 ? string.Empty : TextPosition.LinesOf(text.AsSpan(0, start)) + text[start..];
        // A well-formed declaration at the very start is left for the reader (which ignores its encoding when reading
        // text): removing it would copy the whole document, tens of megabytes for the largest feeds.
        if (!WellFormedDeclaration().IsMatch(text))
        {
            text = XmlDeclaration().Replace(text, m => TextPosition.LinesOf(m.ValueSpan), 1);
        }

        // Control characters are illegal in XML 1.0 and carry no meaning in a feed.
        text = ControlCharacters().Replace(text, string.Empty);
        text = Charsets.C1Characters.Fix(text);
        text = DoctypeStripper.Strip(text, out var entities, out netscapeDoctype);
        text = EntityRepairer.Repair(text, entities);
        return DeclareMissingPrefixes(text);
    }

    private static string DeclareMissingPrefixes(string text)
    {
        var declared = DeclaredPrefix().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = UsedPrefix().Matches(text).Select(m => m.Groups[1].Value)
            .Where(p => p is not ("xml" or "xmlns") && !declared.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return text;
        }

        var root = RootStartTag().Match(text);
        if (!root.Success)
        {
            return text;
        }

        var declarations = string.Concat(missing.Select(p => $" xmlns:{p}=\"{KnownPrefixes.GetValueOrDefault(p, "urn:newsdesk:undeclared:" + p)}\""));
        return text.Insert(root.Groups[1].Index + root.Groups[1].Length, declarations);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"\A<\?xml version=[""']1\.0[""'](?:\s+encoding=[""'][A-Za-z][A-Za-z0-9._-]*[""'])?(?:\s+standalone=[""'](?:yes|no)[""'])?\s*\?>")]
    private static partial Regex WellFormedDeclaration();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")]
    private static partial Regex ControlCharacters();

    [GeneratedRegex(@"xmlns:([\w.-]+)\s*=")]
    private static partial Regex DeclaredPrefix();

    [GeneratedRegex(@"</?([A-Za-z_][\w.-]*):[A-Za-z_]")]
    private static partial Regex UsedPrefix();

    [GeneratedRegex(@"<([A-Za-z_][\w.:-]*)(?=[\s/>])")]
    private static partial Regex RootStartTag();
}
