using System.Globalization;
using System.Net;
using System.Text;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Makes the entity references of a feed well-formed before the strict XML reader sees them:
/// HTML entities that XML does not declare (&amp;nbsp; &amp;rsquo;) become numeric references, a stray
/// '&amp;' becomes &amp;amp;, and declared internal entities are substituted. CDATA sections and
/// comments are copied untouched because '&amp;' means nothing there.
/// </summary>
internal static class EntityRepairer
{
    /// <summary>Small entities used many times add up too (quadratic blow-up); this caps their sum.</summary>
    private const long MaxExpandedCharacters = 1_000_000;

    private static readonly HashSet<string> XmlPredefined = ["amp", "lt", "gt", "quot", "apos"];

    public static string Repair(string text, IReadOnlyDictionary<string, string> declared)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 64);
        var expanded = 0L;
        var i = 0;
        while (i < text.Length)
        {
            if (TryCopyVerbatim(text, ref i, sb, "<![CDATA[", "]]>") || TryCopyVerbatim(text, ref i, sb, "<!--", "-->"))
            {
                continue;
            }

            var c = text[i];
            if (c != '&')
            {
                sb.Append(c);
                i++;
                continue;
            }

            var semicolon = text.IndexOf(';', i + 1, Math.Min(40, text.Length - i - 1));
            var name = semicolon > i ? text[(i + 1)..semicolon] : null;
            var replacement = Replacement(name, declared);
            if (replacement is not null && name is not null && declared.TryGetValue(name, out var value))
            {
                expanded += value.Length;
                if (expanded > MaxExpandedCharacters)
                {
                    var (line, column) = TextPosition.At(text, i);
                    throw new FeedParseException($"internal entities expand to more than {MaxExpandedCharacters} characters (expansion attack); refused", line, column);
                }
            }

            sb.Append(replacement ?? "&amp;");
            i = replacement is null ? i + 1 : semicolon + 1;
        }

        return sb.ToString();
    }

    /// <returns>The text replacing the whole reference, or null when the '&amp;' is a stray one to escape alone.</returns>
    private static string? Replacement(string? name, IReadOnlyDictionary<string, string> declared)
    {
        if (name is null || name.Length == 0)
        {
            return null;
        }

        if (name[0] == '#')
        {
            // XML only knows a lower-case x in hexadecimal references; HTML accepts both.
            return IsValidCharReference(name) ? $"&#{name[1..].Replace('X', 'x')};" : null;
        }

        if (!IsName(name))
        {
            return null;
        }

        if (XmlPredefined.Contains(name))
        {
            return $"&{name};";
        }

        if (declared.TryGetValue(name, out var value))
        {
            return Numeric(value);
        }

        var decoded = WebUtility.HtmlDecode($"&{name};");
        return decoded != $"&{name};" ? Numeric(decoded) : $"&amp;{name};";
    }

    private static string Numeric(string value)
    {
        var sb = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            sb.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return sb.ToString();
    }

    private static bool IsValidCharReference(string name)
    {
        var hex = name.Length > 1 && (name[1] == 'x' || name[1] == 'X');
        var digits = name[(hex ? 2 : 1)..];
        return digits.Length is > 0 and < 9
            && int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    private static bool IsName(string name) =>
        char.IsLetter(name[0]) || name[0] == '_' ? name.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or ':') : false;

    private static bool TryCopyVerbatim(string text, ref int i, StringBuilder sb, string open, string close)
    {
        if (text[i] != '<' || string.CompareOrdinal(text, i, open, 0, open.Length) != 0)
        {
            return false;
        }

        var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end + close.Length;
        sb.Append(text, i, end - i);
        i = end;
        return true;
    }
}
