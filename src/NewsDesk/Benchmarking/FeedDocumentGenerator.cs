using System.Globalization;
using System.Net;
using System.Text;

namespace NewsDesk.Benchmarking;

/// <summary>The RSS 2.0 feed of one synthetic site: I items, newest first, each linking its article page.</summary>
internal static class FeedDocumentGenerator
{
    public static string Rss(int feed, int items, int totalItems, Func<int, int, string> pageUrl, Func<int, int, DateTimeOffset> published)
    {
        var xml = new StringBuilder(1024 + (items * 600));
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>Site {feed} News: AI</title>\n<link>{WebUtility.HtmlEncode(pageUrl(feed, -1))}</link>\n<description>Technology and policy news from site {feed}</description>\n<language>en-gb</language>\n");
        for (var item = 0; item < items; item++)
        {
            var url = WebUtility.HtmlEncode(pageUrl(feed, item));
            xml.Append(CultureInfo.InvariantCulture, $"<item>\n<title>{WebUtility.HtmlEncode(ArticlePageGenerator.Headline(feed, item, totalItems))}</title>\n<link>{url}</link>\n<guid isPermaLink=\"true\">{url}</guid>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<pubDate>{published(feed, item).ToString("r", CultureInfo.InvariantCulture)}</pubDate>\n<dc:creator>Staff Reporter</dc:creator>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<description>{WebUtility.HtmlEncode(ArticlePageGenerator.Standfirst(feed, item, totalItems))}</description>\n</item>\n");
        }

        xml.Append("</channel>\n</rss>\n");
        return xml.ToString();
    }
}
