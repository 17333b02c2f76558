using AngleSharp.Html.Parser;
using NewsDesk.Extraction.Decoding;
using NewsDesk.Text;

namespace NewsDesk.Parsing.Discovery;

/// <summary>
/// Finds the feeds a web page advertises, the way browsers and readers do (RSS autodiscovery): every
/// &lt;link rel="alternate" type="application/rss+xml | atom+xml | feed+json | rdf+xml" href="..."&gt;, in page order,
/// its href resolved against &lt;base href&gt; and the page URL. Only http(s) results are returned.
/// </summary>
public static class FeedAutodiscovery
{
    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/rdf+xml",
    };

    private static readonly char[] Whitespace = [' ', '\t', '\n', '\r', '\f'];

    public static IReadOnlyList<Uri> Find(byte[] body, string? contentType, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument(HtmlBounds.Bound(HtmlDecoder.Decode(body, contentType)));
        var baseUrl = pageUrl;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(pageUrl, baseHref.Trim(), out var declared))
        {
            baseUrl = declared;
        }

        var found = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel][href][type]"))
        {
            var rel = link.GetAttribute("rel")!.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")!.Split(';')[0].Trim();
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || !FeedTypes.Contains(type))
            {
                continue;
            }

            if (Uri.TryCreate(baseUrl, link.GetAttribute("href")!.Trim(), out var url)
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                && !found.Contains(url))
            {
                found.Add(url);
            }
        }

        return found;
    }
}
