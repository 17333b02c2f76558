using System.Xml.Linq;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.Atom;

/// <summary>Atom links, resolved against xml:base, and the choice of the one that points at the article page.</summary>
internal static class AtomLinkReader
{
    public static List<FeedLink> Read(XElement parent, XNamespace ns, Uri? baseUrl) =>
        [.. parent.CoreAll(ns, "link")
            .Select(l => (Href: UrlResolver.Resolve(l, l.Attr("href") ?? l.Text(), baseUrl), Element: l))
            .Where(l => l.Href is not null)
            .Select(l => new FeedLink(l.Href!, l.Element.Attr("rel") ?? "alternate", l.Element.Attr("type"), l.Element.Attr("title"), XmlNav.ParseLength(l.Element.Attr("length"))))];

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
