using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsDesk.Parsing;
using NewsDesk.Parsing.Dates;
using NewsDesk.Text;

namespace NewsDesk.Scraping;

/// <summary>
/// Reads a news listing page with a <see cref="ScrapeRule"/> into the same ParsedFeed a feed gives, so the poller and
/// the article pipeline treat both alike: each item's link is the article, fetched and extracted as any feed entry's.
/// AngleSharp types stay inside this folder.
/// </summary>
public static class ListingPageReader
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = false, IsScripting = false };

    /// <param name="pageUrl">The page's URL, against which relative links are resolved (a &lt;base href&gt; wins).</param>
    public static ParsedFeed Read(byte[] body, string? contentType, Uri pageUrl, ScrapeRule rule, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(rule);
        var html = Extraction.Decoding.HtmlDecoder.Decode(body, contentType, Extraction.ArticleExtractor.MaxPageBytes);
        using var document = new HtmlParser(Options).ParseDocument(HtmlBounds.Bound(html));
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Uri.TryCreate(pageUrl, href, out var b) ? b : pageUrl;
        var entries = new List<FeedEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = document.QuerySelectorAll(rule.Item);
        if (items.Length == 0)
        {
            // A listing that shows no items is a site whose layout changed, not a quiet news day: the poll fails and
            // says so on the feed, instead of succeeding with nothing for ever.
            throw new FeedParseException($"scrape: the item selector \"{rule.Item}\" matched nothing on {pageUrl} (has the page's layout changed?)");
        }

        foreach (var item in items)
        {
            if (entries.Count >= maxEntries)
            {
                break;
            }

            var anchor = item.Matches(rule.Link) ? item : item.QuerySelector(rule.Link);
            var target = anchor?.GetAttribute("href")?.Trim();
            if (string.IsNullOrEmpty(target) || target.StartsWith('#') || !Uri.TryCreate(baseUrl, target, out var link)
                || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps) || !seen.Add(link.AbsoluteUri))
            {
                continue;
            }

            var title = Clean((rule.Title is null ? anchor : item.QuerySelector(rule.Title))?.TextContent) ?? Clean(anchor!.TextContent);
            entries.Add(new FeedEntry
            {
                Id = link.AbsoluteUri,
                Title = title,
                Link = link.AbsoluteUri,
                Published = Date(item, rule),
            });
        }

        return new ParsedFeed
        {
            Format = "scrape",
            Title = Clean(document.Title),
            Link = pageUrl.AbsoluteUri,
            FeedUrl = pageUrl.AbsoluteUri,
            Language = document.DocumentElement?.GetAttribute("lang"),
            Entries = entries,
        };
    }

    private static DateTimeOffset? Date(IElement item, ScrapeRule rule)
    {
        if (rule.DateSelector is not { } selector || item.QuerySelector(selector) is not { } element)
        {
            return null;
        }

        var text = rule.DateAttribute is { } attribute ? element.GetAttribute(attribute) : element.TextContent;
        return FeedDateParser.Parse(Clean(text));
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
