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

        // An absolute link is kept as written: re-serialising it would punycode IRIs and add slashes.
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto" or "ftp")
        {
            return href;
        }

        var b = BaseOf(context, baseUrl);
        return b is not null && Uri.TryCreate(b, href, out var resolved) ? resolved.AbsoluteUri : href;
    }

    /// <summary>Resolves a relative id (rare, but feedparser and GOV.UK-like feeds write path ids) while leaving URNs and tag: ids alone.</summary>
    public static string? ResolveId(XElement context, string? id, Uri? baseUrl) =>
        id is not null && id.StartsWith('/') ? Resolve(context, id, baseUrl) : id;

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
