using System.Text.RegularExpressions;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Removes the DOCTYPE so the XML reader can run with DTD processing prohibited. Small, flat internal
/// entities (a named non-breaking space, a ministry's name) are kept for substitution; external,
/// parameter, nested or oversized entities are refused outright, because they only ever serve
/// file disclosure, request forgery or expansion bombs (billion laughs, quadratic blow-up).
/// </summary>
internal static partial class DoctypeStripper
{
    private const int MaxEntityLength = 1024;

    public static string Strip(string text, out Dictionary<string, string> entities, out bool netscape)
    {
        entities = new Dictionary<string, string>(StringComparer.Ordinal);
        netscape = false;
        // Only the prolog can hold a DOCTYPE; the same characters inside a CDATA section are content.
        var rootStart = RootStart().Match(text);
        var prologLength = rootStart.Success ? rootStart.Index : text.Length;
        var start = text.IndexOf("<!DOCTYPE", 0, prologLength, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return text;
        }

        var end = FindEnd(text, start);
        var doctype = text[start..end];
        netscape = doctype.Contains("netscape", StringComparison.OrdinalIgnoreCase);
        foreach (Match m in EntityDeclaration().Matches(doctype))
        {
            if (m.Groups["param"].Success || m.Groups["external"].Success)
            {
                throw new FeedParseException("document declares an external or parameter entity; refused");
            }

            var value = m.Groups["value"].Value;
            if (value.Length > MaxEntityLength || value.Contains('&', StringComparison.Ordinal) || value.Contains('%', StringComparison.Ordinal))
            {
                throw new FeedParseException($"document declares a nested or oversized entity '{m.Groups["name"].Value}' (expansion attack); refused");
            }

            entities[m.Groups["name"].Value] = value;
        }

        return string.Concat(text.AsSpan(0, start), text.AsSpan(end));
    }

    private static int FindEnd(string text, int start)
    {
        var bracket = false;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    bracket = true;
                    break;
                case ']':
                    bracket = false;
                    break;
                case '>' when !bracket:
                    return i + 1;
            }
        }

        throw new FeedParseException("unterminated DOCTYPE declaration");
    }

    [GeneratedRegex(@"<[A-Za-z_]")]
    private static partial Regex RootStart();

    [GeneratedRegex("""<!ENTITY\s+(?<param>%\s+)?(?<name>[\w.:-]+)\s+(?:(?<external>SYSTEM|PUBLIC)|"(?<value>[^"]*)"|'(?<value>[^']*)')""")]
    private static partial Regex EntityDeclaration();
}
