using System.Text;
using System.Xml.Linq;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Reads the text of an element once, as written: plain text stays text, escaped HTML is returned as
/// the HTML string (decoded exactly once by the XML reader), inline XHTML is kept as markup, and
/// Atom 0.3 mode="base64" is decoded.
/// </summary>
internal static class TextConstruct
{
    public static string? Read(XElement? element) => element is null ? null : Charsets.C1Characters.Fix(ReadRaw(element));

    /// <summary>
    /// A title as a reader shows it: an Atom title of type html or xhtml is markup, so its tags go and its entities are
    /// decoded once ("&amp;lt;b&amp;gt;Rates&amp;lt;/b&amp;gt; &amp;amp;amp; jobs" is "Rates &amp; jobs"). Digests, exports and story
    /// grouping all take the title as text.
    /// </summary>
    public static string? ReadTitle(XElement? element) =>
        element is not null && TypeOf(element) is "text/html" or "application/xhtml+xml" ? NewsDesk.Text.HtmlText.ToPlainText(Read(element)) : Read(element);

    private static string ReadRaw(XElement element)
    {
        var type = (element.Attribute("type")?.Value ?? string.Empty).Trim().ToLowerInvariant();
        var mode = (element.Attribute("mode")?.Value ?? string.Empty).Trim().ToLowerInvariant();
        // Atom 0.3 says mode="base64"; Atom 1.0 says any type that is not text, HTML, XHTML or XML is base64.
        if (mode == "base64" || (type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal)
            && !type.EndsWith("xml", StringComparison.Ordinal) && type is not "application/xhtml+xml"))
        {
            return DecodeBase64(element.Value);
        }

        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || (element.HasElements && type is not ("text" or "html" or "text/plain" or "text/html")))
        {
            var inner = element.Elements().Count() == 1 && element.Elements().First().Name.LocalName == "div"
                && element.Elements().First().Name.Namespace == FeedNamespaces.Xhtml && type is "xhtml"
                ? element.Elements().First()
                : element;
            return Markup.InnerXml(inner).Trim();
        }

        return element.Value.Trim();
    }

    /// <summary>The content type as Atom names it (text, html, xhtml) or the MIME type given.</summary>
    public static string TypeOf(XElement element)
    {
        var type = (element.Attribute("type")?.Value ?? "text").Trim().ToLowerInvariant();
        return type switch
        {
            "text" or "text/plain" => "text/plain",
            "html" or "text/html" => "text/html",
            "xhtml" or "application/xhtml+xml" => "application/xhtml+xml",
            _ => type,
        };
    }

    private static string DecodeBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written).Trim()
            : value.Trim();
    }
}
