using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace NewsDesk.Text;

/// <summary>Plain text from an HTML fragment (feed summaries), and the one sanitiser every HTML output passes through.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (!html.Contains('<') && !html.Contains('&'))
        {
            return html.Trim();
        }

        // Bounded first: a description nested 100,000 levels deep would take minutes to parse, and Append recurses.
        var document = Parser.ParseDocument($"<body>{HtmlBounds.Bound(html)}</body>");
        var builder = new StringBuilder();
        Append(document.Body!, builder);
        return Normalise(builder.ToString());
    }

    /// <summary>Removes scripts, event handlers, javascript: URLs, styles and anything else unsafe.</summary>
    /// <remarks>
    /// Only the nesting is bounded here (<see cref="HtmlBounds"/>): a digest may hold more elements than one page. A
    /// caller with an untrusted fragment bounds its size first.
    /// </remarks>
    public static string Sanitize(string? html) => string.IsNullOrEmpty(html) ? "" : Sanitizer.Sanitize(HtmlBounds.Bound(html, maxElements: int.MaxValue));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { AllowDataAttributes = true };
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("option");
        return sanitizer;
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data);
                continue;
            }

            if (child is not IElement element || element.LocalName is "script" or "style" or "noscript" or "template")
            {
                continue;
            }

            var block = element.LocalName is "p" or "div" or "br" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "tr" or "ul" or "ol" or "section" or "article";
            if (block)
            {
                builder.Append("\n\n");
            }

            Append(element, builder);
            if (block)
            {
                builder.Append("\n\n");
            }
        }
    }

    private static string Normalise(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}
