using System.Collections.Concurrent;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Reads class and id tokens the way article templates name their parts. Checks work per token
/// ("related-content" is related links, even though it says "content") and results are cached per
/// distinct class string, because templates repeat the same few strings thousands of times. The caches
/// are shared across pages and threads (pages of one site share their template's strings), and are
/// emptied when they grow past a bound so that a long-running worker cannot grow them without limit.
/// </summary>
internal static class ClassPatterns
{
    // Substrings that name page chrome wherever they appear in a token.
    private static readonly string[] NegativeParts =
    [
        "disqus", "share", "sharing", "social", "newsletter", "subscribe", "subscription", "signup",
        "sign-up", "cookie", "consent", "gdpr", "recommend", "popular", "trending", "most-read",
        "mostread", "sidebar", "promo", "sponsor", "advert", "breadcrumb", "pagination", "pager", "footer",
        "masthead", "byline", "author", "toolbar", "modal", "popup", "skip-", "sr-only", "visually-hidden",
        "visuallyhidden", "screen-reader", "tags", "tag-list", "taglist", "read-more", "readmore", "more-stories",
        "next-post", "prev-post", "post-nav", "navigation", "navbar", "subnav", "banner", "dfp-",
        "outbrain", "taboola", "zergnet", "login", "rating", "feedback", "survey", "header", "submenu", "mainmenu", "megamenu",
        "timestamp", "dateline", "recirc", "related-", "-related", "comment-", "-comment", "comments", "read-next", "readnext", "up-next", "you-may", "also-read",
        "more-from", "further-reading", "post-meta", "entry-meta", "article-meta", "meta-data", "print-",
        "jump-link", "table-of-contents", "utility", "follow", "donate", "contributor", "author-bio",
        "caption", "credit", "adslot", "ad-slot", "ad-container", "ad-wrapper", "ad-unit", "gpt-ad", "is-hidden", "offscreen",
        "role-",
    ];

    // Whole tokens (or token prefixes/suffixes with a separator) too short to match as substrings.
    private static readonly string[] NegativeTokens = ["ad", "ads", "nav", "menu", "meta", "hide", "cta", "tools", "aside", "toc", "bio"];

    // Tokens that only say what a wrapper is for (WordPress "widget widget_text"), not a component's part ("c-product-widget").
    private static readonly string[] NegativePrefixes = ["widget-", "widget_", "comment", "related"];

    // Taxonomy and state classes ("tag-social-media", "has-comments", "author-jane") describe the post, not a part of the page.
    private static readonly string[] StatePrefixes = ["tag-", "category-", "author-", "has-", "with-", "postid-", "single-", "page-id-", "page-template", "format-", "status-", "type-"];

    // Names that templates give to the article body itself: a block named so is never pruned, nor is any block around it.
    private static readonly string[] StrongParts =
    [
        "article-body", "articlebody", "article__body", "article-content", "articlecontent", "article__content", "article-text",
        "articletext", "post-body", "postbody", "post__body", "post-content", "postcontent", "post__content", "entry-content",
        "entry-body", "entrycontent", "story-body", "storybody", "story-content", "story__body", "body-text", "bodytext",
        "content-body", "blog-content", "blog-post-content", "news-content", "news-body", "article-main", "richtext", "e-content",
        "blog-item-content",
    ];

    private static readonly string[] PositiveParts =
    [
        "article", "body", "content", "entry", "main", "post", "text", "story", "prose", "blog", "richtext", "rich-text",
    ];

    private const int MaxCachedStrings = 50_000;

    private static readonly ConcurrentDictionary<string, int> WeightCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> StrongCache = new(StringComparer.Ordinal);

    /// <summary>-1 for chrome, +1 for article-like names, 0 otherwise.</summary>
    public static int Weigh(string classAndId)
    {
        if (classAndId.Length == 0)
        {
            return 0;
        }

        if (WeightCache.TryGetValue(classAndId, out var cached))
        {
            return cached;
        }

        var weight = 0;
        foreach (var token in classAndId.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (StartsWithAny(token, StatePrefixes))
            {
                continue;
            }

            if (IsNegative(token))
            {
                weight = -1;
                break;
            }

            if (weight == 0 && ContainsAny(token, PositiveParts))
            {
                weight = 1;
            }
        }

        Remember(WeightCache, classAndId, weight);
        return weight;
    }

    /// <summary>True when a token names a comments section, which never belongs to the article even when long.</summary>
    public static bool IsComments(string classAndId)
    {
        foreach (var token in classAndId.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!StartsWithAny(token, StatePrefixes) && !token.Contains("commentary", StringComparison.Ordinal)
                && (token.Contains("comment", StringComparison.Ordinal) || token.Contains("disqus", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for names templates give the article body itself ("entry-content", "article-body").</summary>
    public static bool IsStrong(string classAndId)
    {
        if (classAndId.Length == 0)
        {
            return false;
        }

        if (!StrongCache.TryGetValue(classAndId, out var strong))
        {
            strong = ContainsAny(classAndId, StrongParts);
            Remember(StrongCache, classAndId, strong);
        }

        return strong;
    }

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string key, T value)
    {
        if (cache.Count >= MaxCachedStrings)
        {
            cache.Clear();
        }

        cache[key] = value;
    }

    private static bool StartsWithAny(string token, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegative(string token)
    {
        if (token.Contains("commentary", StringComparison.Ordinal) || token.StartsWith("elementor", StringComparison.Ordinal))
        {
            return false;
        }

        if (ContainsAny(token, NegativeParts))
        {
            return true;
        }

        foreach (var word in NegativeTokens)
        {
            if (token == word || HasSeparatedAffix(token, word))
            {
                return true;
            }
        }

        return token == "widget" || StartsWithAny(token, NegativePrefixes);
    }

    private static bool HasSeparatedAffix(string token, string word)
    {
        if (token.Length <= word.Length + 1)
        {
            return false;
        }

        if (token.StartsWith(word, StringComparison.Ordinal) && token[word.Length] is '-' or '_')
        {
            return true;
        }

        return token.EndsWith(word, StringComparison.Ordinal) && token[^(word.Length + 1)] is '-' or '_';
    }

    private static bool ContainsAny(string token, string[] parts)
    {
        foreach (var part in parts)
        {
            if (token.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
