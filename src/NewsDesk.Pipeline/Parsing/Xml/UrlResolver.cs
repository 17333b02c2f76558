using System.Xml.Linq;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Makes links absolute: xml:base on the element and its ancestors, applied outermost first, on top of
/// the document's own URL (Content-Location or the fetch URL, passed in as baseUrl).
/// </summary>
internal static class UrlResolver
{
    public static string? Resolve(XElement context, string? href, Uri? baseUrl)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href))
        {
            return href;
        }

        var b = BaseOf(context, baseUrl);
        if (b is null)
        {
            return href;
        }

        return Uri.TryCreate(b, href, out var resolved) ? resolved.OriginalString.Length > 0 ? resolved.AbsoluteUri : href : href;
    }

    public static Uri? BaseOf(XElement context, Uri? baseUrl)
    {
        var current = baseUrl is { IsAbsoluteUri: true } ? baseUrl : null;
        foreach (var element in context.AncestorsAndSelf().Reverse())
        {
            var xmlBase = element.Attribute(FeedNamespaces.Xml + "base")?.Value.Trim();
            if (string.IsNullOrEmpty(xmlBase))
            {
                continue;
            }

            if (current is not null && Uri.TryCreate(current, xmlBase, out var combined))
            {
                current = combined;
            }
            else if (Uri.TryCreate(xmlBase, UriKind.Absolute, out var absolute))
            {
                current = absolute;
            }
        }

        return current;
    }
}
