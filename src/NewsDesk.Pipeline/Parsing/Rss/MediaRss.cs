using System.Xml.Linq;
using NewsDesk.Parsing.Xml;

namespace NewsDesk.Parsing.Rss;

/// <summary>Media RSS (media:content, media:group, media:thumbnail, media:peerLink, media:category), used by RSS and Atom feeds alike.</summary>
internal static class MediaRss
{
    public static readonly XNamespace Ns = "http://search.yahoo.com/mrss/";

    public static IEnumerable<FeedEnclosure> Enclosures(XElement item, Uri? baseUrl)
    {
        var scopes = item.Elements(Ns + "group").Prepend(item);
        foreach (var scope in scopes)
        {
            foreach (var m in scope.Elements(Ns + "content"))
            {
                if (UrlResolver.Resolve(m, m.Attr("url"), baseUrl) is { } url)
                {
                    yield return new FeedEnclosure(url, m.Attr("type") ?? Guess(m.Attr("medium")), XmlNav.ParseLength(m.Attr("fileSize")));
                }
            }

            foreach (var t in scope.Elements(Ns + "thumbnail"))
            {
                if (UrlResolver.Resolve(t, t.Attr("url"), baseUrl) is { } url)
                {
                    yield return new FeedEnclosure(url, "image/*");
                }
            }

            foreach (var p in scope.Elements(Ns + "peerLink"))
            {
                if (UrlResolver.Resolve(p, p.Attr("href"), baseUrl) is { } url)
                {
                    yield return new FeedEnclosure(url, p.Attr("type") ?? "application/octet-stream");
                }
            }
        }
    }

    /// <summary>Only labelled media categories: unlabelled ones are scheme paths and tag soups, not readable categories.</summary>
    public static IEnumerable<string> Categories(XElement item) =>
        item.Elements(Ns + "category").Concat(item.Elements(Ns + "group").Elements(Ns + "category")).Select(c => c.Attr("label")).OfType<string>();

    private static string? Guess(string? medium) => medium is null ? null : medium + "/*";
}
