using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsDesk.Text;

namespace NewsDesk.Scraping;

/// <summary>
/// Proposes a <see cref="ScrapeRule"/> for a page without a feed, from its repeated structure: the element shape
/// (tag and first class) that most often wraps one headline-like link, outside navigation, header and footer. It is a
/// suggestion for the user to confirm, never applied on its own.
/// </summary>
public static class ScrapeSuggester
{
    private const int MinItems = 3;
    private const int MinHeadlineChars = 12;
    private const int MaxDepth = 4;
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = false, IsScripting = false };

    public static ScrapeRule? Suggest(byte[] body, string? contentType, Uri pageUrl)
    {
        var html = Extraction.Decoding.HtmlDecoder.Decode(body, contentType, Extraction.ArticleExtractor.MaxPageBytes);
        using var document = new HtmlParser(Options).ParseDocument(HtmlBounds.Bound(html));
        var candidates = new Dictionary<string, HashSet<IElement>>(StringComparer.Ordinal);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var text = anchor.TextContent.Trim();
            if (text.Length < MinHeadlineChars || anchor.Closest("nav, header, footer, aside") is not null
                || anchor.GetAttribute("href") is not { } href || href.StartsWith('#') || !Uri.TryCreate(pageUrl, href, out _))
            {
                continue;
            }

            var element = anchor.ParentElement;
            for (var depth = 0; element is not null && depth < MaxDepth && element.LocalName is not ("body" or "html"); depth++, element = element.ParentElement)
            {
                var key = Shape(element);
                if (!candidates.TryGetValue(key, out var set))
                {
                    candidates[key] = set = [];
                }

                set.Add(element);
            }
        }

        // Items hold one link each: a shape whose elements hold several (the whole list, a column) is a container.
        var best = candidates
            .Where(c => c.Value.Count >= MinItems && c.Value.All(e => e.QuerySelectorAll("a[href]").Length <= 3))
            .OrderByDescending(c => c.Value.Count)
            .ThenByDescending(c => c.Key.Contains('.', StringComparison.Ordinal))
            .Select(c => (Selector: c.Key, Items: c.Value))
            .FirstOrDefault();
        if (best.Selector is null)
        {
            return null;
        }

        var date = best.Items.All(e => e.QuerySelector("time[datetime]") is not null) ? "time@datetime"
            : best.Items.All(e => e.QuerySelector("time") is not null) ? "time" : null;
        return new ScrapeRule(best.Selector, Date: date);
    }

    /// <summary>tag.first-class, which selects the element and its siblings of the same kind.</summary>
    private static string Shape(IElement element)
    {
        var cls = element.ClassList.FirstOrDefault(c => c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_') && !char.IsAsciiDigit(c[0]));
        return cls is null ? element.LocalName : $"{element.LocalName}.{cls}";
    }
}
