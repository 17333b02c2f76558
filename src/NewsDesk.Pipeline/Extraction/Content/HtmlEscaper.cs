using System.Buffers;
using System.Text;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Escapes page text and attribute values for the cleaned HTML the way AngleSharp's serializer does
/// (so the output reads the same as when it went through HtmlSanitizer): text escapes &amp;, &lt;, &gt;
/// and no-break spaces; attribute values escape &amp;, the double quote and no-break spaces, and also
/// &lt; and &gt; (AngleSharp leaves those raw inside quotes), so that no "&lt;script" ever appears in the
/// output for a careless consumer to match. Escaping &lt; in text and the quote in attributes is what
/// keeps page content from opening a tag or leaving an attribute.
/// </summary>
internal static class HtmlEscaper
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>\u00A0");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&\"<>\u00A0");

    public static void AppendText(StringBuilder output, string text)
    {
        if (text.AsSpan().IndexOfAny(TextSpecials) < 0)
        {
            output.Append(text);
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\u00A0' => "&nbsp;",
                _ => null,
            };
            if (entity is not null)
            {
                output.Append(text, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        output.Append(text, start, text.Length - start);
    }

    public static void AppendAttribute(StringBuilder output, string value)
    {
        if (value.AsSpan().IndexOfAny(AttributeSpecials) < 0)
        {
            output.Append(value);
            return;
        }

        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var entity = value[i] switch
            {
                '&' => "&amp;",
                '"' => "&quot;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\u00A0' => "&nbsp;",
                _ => null,
            };
            if (entity is not null)
            {
                output.Append(value, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        output.Append(value, start, value.Length - start);
    }
}
