using System.Xml.Linq;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.Atom;

/// <summary>Atom links, resolved against xml:base, and the choice of the one that points at the article page.</summary>
internal static class AtomLinkReader
{
    public static List<FeedLink> Read(XElement parent, XNamespace ns, Uri? baseUrl) =>
        [.. parent.CoreAll(ns, "link")
            // An empty href is the base itself (RFC 3986, 5.2), except for an enclosure, where it is no file at all.
            .Select(l => (Href: l.Attribute("href") is { } href && string.IsNullOrWhiteSpace(href.Value) && l.Attr("rel") != "enclosure"
                ? UrlResolver.BaseOf(l, baseUrl)?.OriginalString
                : UrlResolver.Resolve(l, l.Attr("href") ?? l.Text(), baseUrl), Element: l))
            .Where(l => l.Href is not null)
            .Select(l => (l.Href, l.Element, Rel: l.Element.Attr("rel") ?? "alternate"))
            .Select(l => new FeedLink(l.Href!, l.Rel, l.Element.Attr("type") ?? DefaultType(l.Rel), l.Element.Attr("title"), XmlNav.ParseLength(l.Element.Attr("length"))))];

    /// <summary>A feed's link to itself is an Atom document unless it says otherwise (as feedparser reads it).</summary>
    private static string? DefaultType(string rel) => rel == "self" ? "application/atom+xml" : null;

    /// <summary>
    /// rel=alternate (or no rel), preferring an HTML type. Feeds often list rel=self first; taking the
    /// first link would point readers at the feed instead of the article.
    /// </summary>
    public static string? Alternate(IReadOnlyList<FeedLink> links)
    {
        var alternates = links.Where(l => string.Equals(l.Rel, "alternate", StringComparison.OrdinalIgnoreCase)).ToList();
        return (alternates.FirstOrDefault(l => l.Type is null || l.Type.Contains("html", StringComparison.OrdinalIgnoreCase)) ?? alternates.FirstOrDefault())?.Href;
    }
}
