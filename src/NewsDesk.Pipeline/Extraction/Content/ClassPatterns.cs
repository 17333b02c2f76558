namespace NewsDesk.Extraction.Content;

/// <summary>
/// Reads class and id tokens the way article templates name their parts. Checks work per token
/// ("related-content" is related links, even though it says "content") and results are cached per
/// distinct class string, because templates repeat the same few strings thousands of times.
/// </summary>
internal sealed class ClassPatterns
{
    // Substrings that name page chrome wherever they appear in a token.
    private static readonly string[] NegativeParts =
    [
        "comment", "disqus", "share", "sharing", "social", "newsletter", "subscribe", "subscription", "signup",
        "sign-up", "cookie", "consent", "gdpr", "related", "recommend", "popular", "trending", "most-read",
        "mostread", "sidebar", "promo", "sponsor", "advert", "breadcrumb", "pagination", "pager", "footer",
        "masthead", "byline", "author", "toolbar", "modal", "popup", "skip-", "sr-only", "visually-hidden",
        "visuallyhidden", "screen-reader", "tags", "tag-list", "taglist", "read-more", "readmore", "more-stories",
        "next-post", "prev-post", "post-nav", "navigation", "navbar", "subnav", "menu", "banner", "dfp-",
        "outbrain", "taboola", "zergnet", "login", "rating", "feedback", "survey", "header", "masthead",
        "timestamp", "dateline", "recirc", "read-next", "readnext", "up-next", "you-may", "also-read",
        "more-from", "further-reading", "post-meta", "entry-meta", "article-meta", "meta-data", "print-",
        "jump-link", "table-of-contents", "utility", "follow", "donate", "contributor", "author-bio",
        "adslot", "ad-slot", "ad-container", "ad-wrapper", "ad-unit", "gpt-ad", "is-hidden", "offscreen",
        "role-",
    ];

    // Whole tokens (or token prefixes/suffixes with a separator) too short to match as substrings.
    private static readonly string[] NegativeTokens = ["ad", "ads", "nav", "widget", "meta", "hide", "cta", "tools", "aside", "toc", "bio"];

    private static readonly string[] PositiveParts =
    [
        "article", "body", "content", "entry", "main", "post", "text", "story", "prose", "blog", "richtext", "rich-text",
    ];

    private readonly Dictionary<string, int> _cache = new(StringComparer.Ordinal);

    /// <summary>-1 for chrome, +1 for article-like names, 0 otherwise.</summary>
    public int Weigh(string classAndId)
    {
        if (classAndId.Length == 0)
        {
            return 0;
        }

        if (_cache.TryGetValue(classAndId, out var cached))
        {
            return cached;
        }

        var weight = 0;
        foreach (var token in classAndId.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
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

        _cache[classAndId] = weight;
        return weight;
    }

    /// <summary>True when a token names a comments section, which never belongs to the article even when long.</summary>
    public static bool IsComments(string classAndId) =>
        classAndId.Contains("comment", StringComparison.Ordinal) && !classAndId.Contains("commentary", StringComparison.Ordinal)
        || classAndId.Contains("disqus", StringComparison.Ordinal);

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

        return false;
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
