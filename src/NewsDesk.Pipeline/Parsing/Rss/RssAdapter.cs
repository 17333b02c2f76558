using System.Xml.Linq;
using NewsDesk.Parsing.Dates;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.Rss;

/// <summary>
/// RSS 0.9x/2.0 and RDF (RSS 0.90/1.0) to ParsedFeed. Tolerates what FeedReader crashed on: no version
/// attribute, a namespaced &lt;rss&gt;, an RDF document without a channel.
/// </summary>
internal static class RssAdapter
{
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static readonly XNamespace GooglePlay = "http://www.google.com/schemas/play-podcasts/1.0";
    private static readonly XNamespace FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";

    /// <summary>The format name: RDF documents by their namespace, RSS by its version attribute.</summary>
    public static string Format(XElement root, bool netscapeDoctype) =>
        root.Name.LocalName == "RDF" ? (RdfCoreNamespace(root) == FeedNamespaces.Rss090 ? "rss090" : "rss10") : RssFormat(root, netscapeDoctype);

    /// <summary>The items as this adapter finds them (inside the channel, and RDF's beside it).</summary>
    public static List<XElement> Items(XElement root)
    {
        var core = Core(root);
        var channel = root.Core(core, "channel") ?? root;
        return [.. channel.CoreAll(core, "item").Concat(channel == root ? [] : root.CoreAll(core, "item"))];
    }

    /// <summary>Reads the feed; The item elements to read; FeedReader's list when it parsed the feed, else <see cref="Items"/>.</summary>
    public static ParsedFeed Read(XElement root, Uri? baseUrl, string format, IReadOnlyList<XElement> items)
    {
        var core = Core(root);
        var channel = root.Core(core, "channel") ?? root;
        var atomLinks = AtomLinks(channel, baseUrl);
        var links = CoreLinks(channel, core, baseUrl);
        var link = links.LastOrDefault()?.Href;
        links.AddRange(atomLinks);
        // RDF's channel holds only <image rdf:resource>, a pointer to the <image> beside it that has the url.
        var image = new[] { channel, root }.SelectMany(p => p.CoreAll(core, "image")).FirstOrDefault(i => i.Core(core, "url") is not null)
            ?? channel.Core(core, "image");
        var channelCategories = Categories(channel, core)
            .Concat(channel.Descendants(Itunes + "category").Concat(channel.Elements(GooglePlay + "category")).Select(c => c.Attr("text")).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();
        return new ParsedFeed
        {
            Format = format,
            Title = TextConstruct.Read(channel.Core(core, "title") ?? channel.Ext(FeedNamespaces.Dc, "title")),
            Link = link ?? atomLinks.FirstOrDefault(l => l.Rel == "alternate")?.Href,
            Description = TextConstruct.Read(channel.Core(core, "description") ?? channel.Ext(FeedNamespaces.Dc, "description")),
            Language = Languages.Normalize((channel.Core(core, "language") ?? channel.Ext(FeedNamespaces.Dc, "language")).Text()
                ?? channel.Attr(FeedNamespaces.Xml + "lang") ?? root.Attr(FeedNamespaces.Xml + "lang")),
            TtlMinutes = int.TryParse(channel.Core(core, "ttl").Text(), out var ttl) ? ttl : null,
            Copyright = TextConstruct.Read(channel.Core(core, "copyright") ?? channel.Ext(FeedNamespaces.Dc, "rights")),
            Generator = channel.Core(core, "generator").Text(),
            ImageUrl = UrlResolver.Resolve(image ?? channel, image?.Core(core, "url").Text(), baseUrl)
                ?? MediaRss.Enclosures(channel, baseUrl).FirstOrDefault(e => e.Type?.StartsWith("image/", StringComparison.Ordinal) == true)?.Url,
            FeedUrl = atomLinks.FirstOrDefault(l => l.Rel == "self")?.Href ?? baseUrl?.AbsoluteUri,
            Updated = FeedDateParser.Parse((channel.Core(core, "lastBuildDate") ?? channel.Ext(FeedNamespaces.Dc, "date") ?? channel.Ext(FeedNamespaces.DcTerms, "modified")).Text()),
            Published = FeedDateParser.Parse((channel.Core(core, "pubDate") ?? channel.Ext(FeedNamespaces.DcTerms, "issued")).Text()),
            Authors = People(channel, core, "managingEditor", "author", "webMaster"),
            Links = links,
            Categories = channelCategories,
            Entries = [.. items.Select(item => ReadItem(item, core, baseUrl, channelCategories, Bylines(channel)))],
        };
    }

    private static FeedEntry ReadItem(XElement item, XNamespace core, Uri? baseUrl, List<string> channelCategories, List<FeedPerson> channelBylines)
    {
        var categories = Categories(item, core).Concat(MediaRss.Categories(item)).Distinct(StringComparer.Ordinal).ToList();
        var guid = item.Core(core, "guid");
        var guidText = guid.Text();
        var atomLinks = AtomLinks(item, baseUrl);
        // FeedBurner rewrites links to its redirector and keeps the publisher's URL in origLink.
        var links = CoreLinks(item, core, baseUrl);
        var link = UrlResolver.Resolve(item, item.Ext(FeedBurner, "origLink").Text(), baseUrl)
            ?? links.LastOrDefault()?.Href
            ?? atomLinks.FirstOrDefault(l => l.Rel == "alternate")?.Href
            ?? PermalinkFromGuid(guid, guidText, baseUrl);
        if (links.Count == 0 && link is not null)
        {
            links.Add(new FeedLink(link, "alternate", "text/html"));
        }

        links.AddRange(atomLinks);
        var enclosures = item.CoreAll(core, "enclosure")
            .Select(e => (Url: UrlResolver.Resolve(e, item.Ext(FeedBurner, "origEnclosureLink").Text() ?? e.Attr("url"), baseUrl), Element: e))
            .Where(e => e.Url is not null)
            .Select(e => new FeedEnclosure(e.Url!, e.Element.Attr("type"), EnclosureLength(e.Element)))
            .Concat(MediaRss.Enclosures(item, baseUrl))
            .DistinctBy(e => e.Url)
            .ToList();
        var authors = People(item, core, "author");

        // An item without a byline of its own is by the channel's author (dc:creator), as Atom entries inherit the feed's.
        authors = authors.Count == 0 ? [.. channelBylines] : authors;
        // Some feeds write a <summary> beside or instead of <description>: the first of the two is the summary, and the
        // second, where there is no real content element, the content (feedparser reads them so).
        var summaries = item.Elements().Where(e => e.Name.LocalName is "description" or "summary" && (e.Name.Namespace == core || e.Name.Namespace == XNamespace.None)).ToList();
        var summary = summaries.FirstOrDefault() ?? item.Ext(FeedNamespaces.Dc, "description");
        var content = item.Ext(FeedNamespaces.Content, "encoded") ?? item.Ext(FeedNamespaces.Xhtml, "body") ?? item.Core(core, "fullitem")
            ?? item.Ext(FeedNamespaces.Atom10, "content") ?? summaries.Skip(1).FirstOrDefault();
        return new FeedEntry
        {
            Id = UrlResolver.ResolveId(item, guidText, baseUrl) ?? item.Attr(FeedNamespaces.Rdf + "about") ?? link ?? string.Empty,
            Title = TextConstruct.Read(item.Core(core, "title") ?? item.Ext(FeedNamespaces.Dc, "title")),
            Link = link,
            Published = FeedDateParser.Parse((item.Core(core, "pubDate") ?? item.Ext(FeedNamespaces.DcTerms, "issued") ?? item.Ext(FeedNamespaces.Atom10, "published")).Text()),
            Updated = FeedDateParser.Parse((item.Ext(FeedNamespaces.Dc, "date") ?? item.Ext(FeedNamespaces.DcTerms, "modified") ?? item.Ext(FeedNamespaces.Atom10, "updated")).Text()),
            Summary = HtmlUrlResolver.Resolve(summary, TextConstruct.Read(summary), baseUrl),
            Content = HtmlUrlResolver.Resolve(content, TextConstruct.Read(content), baseUrl),
            Author = authors.FirstOrDefault()?.Name ?? authors.FirstOrDefault()?.Email,
            Authors = authors,
            // An item without categories of its own is about what its channel is about.
            Categories = categories.Count > 0 ? categories : channelCategories,
            Links = links,
            Enclosures = enclosures,
            Comments = item.Core(core, "comments").Text() is { } comments && !comments.Any(char.IsWhiteSpace) ? UrlResolver.Resolve(item, comments, baseUrl) : null,
            Rights = TextConstruct.Read(item.Ext(FeedNamespaces.Dc, "rights")),
        };
    }

    /// <summary>
    /// Every &lt;link&gt; (its text, or an href attribute some feeds write), resolved. Where there are several the last one
    /// is the link, as feedparser and gofeed read it: a later element overwrites an earlier one.
    /// </summary>
    private static List<FeedLink> CoreLinks(XElement parent, XNamespace core, Uri? baseUrl) =>
        [.. parent.CoreAll(core, "link")
            .Select(l => UrlResolver.Resolve(parent, l.Text() ?? l.Attr("href"), baseUrl))
            .OfType<string>()
            .Select(href => new FeedLink(href, "alternate", "text/html"))];

    /// <summary>RSS requires a length; the RSS Best Practices Profile says a publisher who cannot tell it writes 0, so an unreadable one is 0 too.</summary>
    private static long? EnclosureLength(XElement enclosure) =>
        enclosure.Attribute("length") is null ? null : XmlNav.ParseLength(enclosure.Attr("length")) ?? 0;

    /// <summary>The channel's bylines (dc:creator, dc:author), not its editorial contacts (managingEditor, webMaster).</summary>
    private static List<FeedPerson> Bylines(XElement channel) =>
        [.. channel.Elements(FeedNamespaces.Dc + "creator").Concat(channel.Elements(FeedNamespaces.Dc + "author")).Select(e => e.Text()).OfType<string>().Select(PersonText.Parse)];

    private static string? PermalinkFromGuid(XElement? guid, string? guidText, Uri? baseUrl)
    {
        var isPermaLink = !string.Equals(guid.Attr("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        return isPermaLink && guidText is not null && (guidText.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || guidText.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? UrlResolver.Resolve(guid!, guidText, baseUrl)
            : null;
    }

    /// <summary>RSS author elements hold "email (Name)" or a name; dc:creator holds a name; atom:author has parts.</summary>
    private static List<FeedPerson> People(XElement parent, XNamespace core, params string[] elements) =>
        [.. elements.SelectMany(name => parent.CoreAll(core, name))
            .Concat(parent.Elements(FeedNamespaces.Dc + "creator")).Concat(parent.Elements(FeedNamespaces.Dc + "author"))
            .Select(e => e.Text()).OfType<string>().Select(PersonText.Parse)
            .Concat(parent.Elements(FeedNamespaces.Atom10 + "author").Select(a => new FeedPerson(
                a.Ext(FeedNamespaces.Atom10, "name").Text(), a.Ext(FeedNamespaces.Atom10, "email").Text(), a.Ext(FeedNamespaces.Atom10, "uri").Text())))];

    private static List<string> Categories(XElement parent, XNamespace core) =>
        [.. parent.CoreAll(core, "category").Concat(parent.Elements(FeedNamespaces.Dc + "subject")).Select(c => c.Text()).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static List<FeedLink> AtomLinks(XElement parent, Uri? baseUrl) =>
        [.. parent.Elements(FeedNamespaces.Atom10 + "link")
            .Select(l => (Href: UrlResolver.Resolve(l, l.Attr("href"), baseUrl), Element: l))
            .Where(l => l.Href is not null)
            .Select(l => new FeedLink(l.Href!, l.Element.Attr("rel") ?? "alternate", l.Element.Attr("type"), l.Element.Attr("title"), XmlNav.ParseLength(l.Element.Attr("length"))))];

    private static XNamespace Core(XElement root) => root.Name.LocalName == "RDF" ? RdfCoreNamespace(root) : root.Name.Namespace;

    private static XNamespace RdfCoreNamespace(XElement root) =>
        root.Elements().Any(e => e.Name.Namespace == FeedNamespaces.Rss090) ? FeedNamespaces.Rss090 : FeedNamespaces.Rss10;

    private static string RssFormat(XElement root, bool netscapeDoctype) => root.Attr("version") switch
    {
        { } v when v.StartsWith('2') => "rss20",
        "0.91" => netscapeDoctype ? "rss091n" : "rss091u",
        "0.92" => "rss092",
        "0.93" => "rss093",
        "0.94" => "rss094",
        "0.90" or "0.9" => "rss090",
        _ => "rss",
    };
}
