using System.Xml.Linq;
using NewsDesk.Parsing.Dates;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.Cdf;

/// <summary>Microsoft's Channel Definition Format: &lt;CHANNEL HREF&gt; with &lt;TITLE&gt;, &lt;ABSTRACT&gt; and &lt;ITEM HREF&gt;.</summary>
internal static class CdfAdapter
{
    public static ParsedFeed Read(XElement root, Uri? baseUrl) => new()
    {
        Format = "cdf",
        Title = Child(root, "title").Text(),
        Link = UrlResolver.Resolve(root, Attr(root, "href"), baseUrl),
        Links = LinksOf(root, baseUrl),
        Description = Child(root, "abstract").Text(),
        Updated = FeedDateParser.Parse(Attr(root, "lastmod")),
        Entries = [.. root.Elements().Where(e => Is(e, "item")).Select(item => new FeedEntry
        {
            Id = UrlResolver.Resolve(item, Attr(item, "href"), baseUrl) ?? string.Empty,
            Title = Child(item, "title").Text(),
            Link = UrlResolver.Resolve(item, Attr(item, "href"), baseUrl),
            Links = LinksOf(item, baseUrl),
            Summary = Child(item, "abstract").Text(),
            Updated = FeedDateParser.Parse(Attr(item, "lastmod")),
        })],
    };

    private static List<FeedLink> LinksOf(XElement e, Uri? baseUrl) =>
        UrlResolver.Resolve(e, Attr(e, "href"), baseUrl) is { } href ? [new FeedLink(href, "alternate", "text/html")] : [];

    private static bool Is(XElement e, string name) => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => Is(e, name));

    private static string? Attr(XElement e, string name) =>
        XmlNav.NullIfBlank(e.Attributes().FirstOrDefault(a => string.Equals(a.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value);
}
