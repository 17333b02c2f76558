using System.Xml.Linq;
using NewsDesk.Parsing.Dates;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.Atom;

/// <summary>
/// Atom 1.0 and 0.3 to ParsedFeed. Atom 0.3 names (tagline, copyright, issued, modified, url) are read
/// alongside 1.0's. Entries carrying only &lt;updated&gt; (GOV.UK) keep it as Updated; the pipeline
/// falls back to it when Published is missing.
/// </summary>
internal static class AtomAdapter
{
    /// <summary>The entries as this adapter finds them.</summary>
    public static List<XElement> Entries(XElement root) => [.. root.CoreAll(root.Name.Namespace, "entry")];

    /// <summary>atom10 or atom03 by namespace; "atom" for a &lt;feed&gt; in neither.</summary>
    public static string Format(XElement root) =>
        root.Name.Namespace == FeedNamespaces.Atom10 ? "atom10" : root.Name.Namespace == FeedNamespaces.Atom03 ? "atom03" : "atom";

    /// <summary>Reads the feed; The entry elements to read; FeedReader's list when it parsed the feed, else <see cref="Entries"/>.</summary>
    public static ParsedFeed Read(XElement root, Uri? baseUrl, IReadOnlyList<XElement> entries)
    {
        var ns = root.Name.Namespace;
        var links = AtomLinkReader.Read(root, ns, baseUrl);
        var authors = People(root, ns, baseUrl);
        var logo = root.Core(ns, "logo") ?? root.Core(ns, "icon");
        return new ParsedFeed
        {
            Format = Format(root),
            Title = TextConstruct.ReadTitle(root.Core(ns, "title")),
            Link = AtomLinkReader.Alternate(links),
            Description = TextConstruct.Read(root.Core(ns, "subtitle") ?? root.Core(ns, "tagline") ?? root.Core(ns, "info")),
            Language = Languages.Normalize(root.Attr(FeedNamespaces.Xml + "lang")),
            Id = UrlResolver.ResolveId(root, root.Core(ns, "id").Text(), baseUrl),
            FeedUrl = links.FirstOrDefault(l => l.Rel == "self")?.Href ?? baseUrl?.AbsoluteUri,
            Copyright = TextConstruct.Read(root.Core(ns, "rights") ?? root.Core(ns, "copyright")),
            Generator = root.Core(ns, "generator").Text(),
            ImageUrl = UrlResolver.Resolve(logo ?? root, logo.Text(), baseUrl),
            Updated = FeedDateParser.Parse((root.Core(ns, "updated") ?? root.Core(ns, "modified")).Text()),
            Published = FeedDateParser.Parse((root.Core(ns, "published") ?? root.Core(ns, "issued")).Text()),
            Authors = authors,
            Links = links,
            Categories = Categories(root, ns),
            Entries = [.. entries.Select(e => ReadEntry(e, ns, baseUrl, authors, Categories(root, ns)))],
        };
    }

    private static FeedEntry ReadEntry(XElement entry, XNamespace ns, Uri? baseUrl, IReadOnlyList<FeedPerson> feedAuthors, List<string> feedCategories)
    {
        var links = AtomLinkReader.Read(entry, ns, baseUrl);
        var id = UrlResolver.ResolveId(entry, entry.Core(ns, "id").Text(), baseUrl);

        // Some publishers put the article URL only in atom:id.
        var link = AtomLinkReader.Alternate(links)
            ?? (id is not null && (id.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? id : null);
        var categories = Categories(entry, ns).Concat(Rss.MediaRss.Categories(entry)).Distinct(StringComparer.Ordinal).ToList();
        var authors = People(entry, ns, baseUrl);
        var source = entry.Core(ns, "source");
        if (authors.Count == 0 && source is not null)
        {
            authors = People(source, ns, baseUrl);
        }

        var summary = entry.Core(ns, "summary");
        var content = entry.Core(ns, "content");

        // Atom says an entry without its own author inherits the feed's.
        authors = authors.Count == 0 ? [.. feedAuthors] : authors;
        return new FeedEntry
        {
            Id = id ?? link ?? string.Empty,
            Title = TextConstruct.ReadTitle(entry.Core(ns, "title")),
            Link = link,
            Published = FeedDateParser.Parse((entry.Core(ns, "published") ?? entry.Core(ns, "issued") ?? entry.Core(ns, "created")).Text()),
            Updated = FeedDateParser.Parse((entry.CoreAll(ns, "updated").LastOrDefault() ?? entry.Core(ns, "modified")).Text()),
            Summary = HtmlUrlResolver.Resolve(summary, TextConstruct.Read(summary), baseUrl),
            Content = HtmlUrlResolver.Resolve(content, TextConstruct.Read(content), baseUrl),
            Author = authors.FirstOrDefault()?.Name ?? authors.FirstOrDefault()?.Email,
            Authors = authors,
            Categories = categories.Count > 0 ? categories : feedCategories,
            Links = links,
            Enclosures = [.. links.Where(l => l.Rel == "enclosure").Select(l => new FeedEnclosure(l.Href, l.Type, l.Length))
                .Concat(Rss.MediaRss.Enclosures(entry, baseUrl)).DistinctBy(e => e.Url)],
            Comments = Comments(entry, ns, baseUrl),
            Rights = TextConstruct.Read(entry.Core(ns, "rights") ?? entry.Core(ns, "copyright")),
        };
    }

    /// <summary>The HTML replies link; a href with white space inside is not a URL (as for RSS comments), so none.</summary>
    private static string? Comments(XElement entry, XNamespace ns, Uri? baseUrl) =>
        entry.CoreAll(ns, "link").FirstOrDefault(l => l.Attr("rel") == "replies" && l.Attr("type") is { } type && type.Contains("html", StringComparison.OrdinalIgnoreCase))
            ?.Attr("href") is { } href && !href.Any(char.IsWhiteSpace) ? UrlResolver.Resolve(entry, href, baseUrl) : null;

    private static List<string> Categories(XElement parent, XNamespace ns) =>
        [.. parent.CoreAll(ns, "category").Select(c => c.Attr("term") ?? c.Text()).OfType<string>()
            .Concat(parent.Elements(FeedNamespaces.Dc + "subject").Select(c => c.Text()).OfType<string>()).Distinct(StringComparer.Ordinal)];

    private static List<FeedPerson> People(XElement parent, XNamespace ns, Uri? baseUrl) =>
        [.. parent.CoreAll(ns, "author")
            .Select(p => new FeedPerson(p.Core(ns, "name").Text() ?? (p.HasElements ? null : p.Text()), p.Core(ns, "email").Text(),
                UrlResolver.Resolve(p, (p.Core(ns, "uri") ?? p.Core(ns, "url") ?? p.Core(ns, "homepage")).Text(), baseUrl)))
            .Where(p => p.Name is not null || p.Email is not null || p.Uri is not null)
            .Distinct()];
}
