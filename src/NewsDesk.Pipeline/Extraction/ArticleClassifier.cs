using NewsDesk.Extraction.Content;
using NewsDesk.Extraction.Metadata;

namespace NewsDesk.Extraction;

/// <summary>
/// Decides whether a page is an article at all. Index and listing pages are mostly links; search
/// results say so in their address; paywall stubs carry a teaser and a JSON-LD or class marker.
/// </summary>
internal static class ArticleClassifier
{
    /// <summary>About 40 words: less than that is a teaser, a stub or an error page, not an article.</summary>
    private const int MinArticleLetters = 200;
    /// <summary>A paywalled page showing less than about 300 words is the stub, not the story.</summary>
    private const int MinPaywalledLetters = 1500;

    public static string? WhyNotArticle(ContentNode body, IReadOnlyList<ContentNode> selected, int textLetters, PageMetadata metadata, Uri? pageUrl)
    {
        if (IsSearchUrl(pageUrl))
        {
            return "search results page";
        }

        var prose = selected.Sum(s => s.ProseLength);
        if (!metadata.DeclaresArticle && body.LinkDensity > 0.45 && prose < 2000 && CountLinkedHeadings(body) >= 6)
        {
            return "index or listing page: mostly links to other pages";
        }

        if (textLetters < MinArticleLetters)
        {
            return metadata.IsPaywalled ? "paywall stub: only a teaser is public" : "too little text for an article";
        }

        if (metadata.IsPaywalled && textLetters < MinPaywalledLetters)
        {
            return "paywall stub: only a teaser is public";
        }

        return null;
    }

    private static bool IsSearchUrl(Uri? pageUrl)
    {
        if (pageUrl is null || !pageUrl.IsAbsoluteUri)
        {
            return false;
        }

        var query = pageUrl.Query;
        return pageUrl.Segments.Any(s => s.TrimEnd('/').Equals("search", StringComparison.OrdinalIgnoreCase))
            || query.Contains("?q=", StringComparison.Ordinal) || query.Contains("&q=", StringComparison.Ordinal)
            || query.Contains("query=", StringComparison.OrdinalIgnoreCase) || query.Contains("keywords=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Headings that are links: the teasers of an index page.</summary>
    private static int CountLinkedHeadings(ContentNode body)
    {
        var count = 0;
        var stack = new Stack<ContentNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsHeading)
            {
                if (node.TextLength > 0 && node.LinkDensity > 0.8)
                {
                    count++;
                }

                continue;
            }

            foreach (var child in node.Children)
            {
                if (!child.Removed)
                {
                    stack.Push(child);
                }
            }
        }

        return count;
    }
}
