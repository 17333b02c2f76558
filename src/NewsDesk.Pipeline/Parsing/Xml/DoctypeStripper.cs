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
        var start = FindDoctype(text, prologLength);
        if (start < 0)
        {
            return text;
        }

        var end = FindEnd(text, start);
        var doctype = text[start..end];
        (int Line, int Column) Where(Match m) => TextPosition.At(text, start + m.Index);
        netscape = doctype.Contains("netscape", StringComparison.OrdinalIgnoreCase);
        foreach (Match m in EntityDeclaration().Matches(doctype))
        {
            if (m.Groups["param"].Success || m.Groups["external"].Success)
            {
                var (line, column) = Where(m);
                throw new FeedParseException("document declares an external or parameter entity; refused", line, column);
            }

            // Character references (&#160;) are flat; a reference to another entity is what builds a bomb.
            var value = CharacterReference().Replace(m.Groups["value"].Value, r => char.ConvertFromUtf32(ParseReference(r.Groups[1].Value)));
            if (value.Length > MaxEntityLength || value.Contains('&', StringComparison.Ordinal) || value.Contains('%', StringComparison.Ordinal))
            {
                var (line, column) = Where(m);
                throw new FeedParseException($"document declares a nested or oversized entity '{m.Groups["name"].Value}' (expansion attack); refused", line, column);
            }

            entities[m.Groups["name"].Value] = value;
        }

        return string.Concat(text.AsSpan(0, start), TextPosition.LinesOf(doctype), text.AsSpan(end));
    }

    private static int ParseReference(string digits)
    {
        var code = digits[0] is 'x' or 'X'
            ? int.Parse(digits.AsSpan(1), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture)
            : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? code : 0xFFFD;
    }

    /// <summary>The first DOCTYPE in the prolog that is not inside a comment (a comment may quote one).</summary>
    private static int FindDoctype(string text, int prologLength)
    {
        var i = 0;
        while (i < prologLength)
        {
            var comment = text.IndexOf("<!--", i, prologLength - i, StringComparison.Ordinal);
            var doctype = text.IndexOf("<!DOCTYPE", i, prologLength - i, StringComparison.OrdinalIgnoreCase);
            if (doctype < 0 || comment < 0 || doctype < comment)
            {
                return doctype;
            }

            var end = text.IndexOf("-->", comment + 4, StringComparison.Ordinal);
            i = end < 0 ? prologLength : end + 3;
        }

        return -1;
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

        var (line, column) = TextPosition.At(text, start);
        throw new FeedParseException("unterminated DOCTYPE declaration", line, column);
    }

    [GeneratedRegex(@"&#([0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")]
    private static partial Regex CharacterReference();

    [GeneratedRegex(@"<[A-Za-z_]")]
    private static partial Regex RootStart();

    [GeneratedRegex("""<!ENTITY\s+(?<param>%\s+)?(?<name>[\w.:-]+)\s+(?:(?<external>SYSTEM|PUBLIC)|"(?<value>[^"]*)"|'(?<value>[^']*)')""")]
    private static partial Regex EntityDeclaration();
}
