using System.Buffers;
using System.Collections.Concurrent;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Reads class and id tokens the way article templates name their parts. Checks work per token
/// ("related-content" is related links, even though it says "content"), each list is searched in one
/// vectorised pass (<see cref="SearchValues{T}"/>), and an element is judged once, when the content tree
/// is built, into <see cref="ClassVerdict"/> flags. Verdicts on class strings are cached, because templates
/// repeat the same few strings thousands of times; the cache is shared across pages and threads (pages of
/// one site share their template's strings) and emptied when it grows past a bound, so that a long-running
/// worker cannot grow it without limit.
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

    private static readonly SearchValues<string> NegativePartSearch = SearchValues.Create(NegativeParts, StringComparison.Ordinal);
    private static readonly SearchValues<string> StrongPartSearch = SearchValues.Create(StrongParts, StringComparison.Ordinal);
    private static readonly SearchValues<string> PositivePartSearch = SearchValues.Create(PositiveParts, StringComparison.Ordinal);

    private const int MaxCachedStrings = 50_000;

    // Keyed by the class attribute as written (case and all), so a hit costs no lower-casing. Ids are not
    // cached: they are mostly unique ("post-18342"), and caching them only pushed class strings out.
    private static readonly ConcurrentDictionary<string, ClassVerdict> ClassCache = new(StringComparer.Ordinal);
    private static int _cached;

    /// <summary>The verdict on a class attribute; cached, since templates repeat the same few strings.</summary>
    public static ClassVerdict JudgeClass(string? classes)
    {
        if (string.IsNullOrEmpty(classes))
        {
            return ClassVerdict.None;
        }

        if (ClassCache.TryGetValue(classes, out var cached))
        {
            return cached;
        }

        var verdict = Judge(classes);
        Remember(classes, verdict);
        return verdict;
    }

    /// <summary>
    /// The verdict on a class or id string. Every check works per token or on substrings without spaces,
    /// so the verdict on "class id" is the union of the verdicts on the class and on the id.
    /// </summary>
    public static ClassVerdict Judge(string? classOrId)
    {
        if (string.IsNullOrEmpty(classOrId))
        {
            return ClassVerdict.None;
        }

        var lower = classOrId.ToLowerInvariant();
        var verdict = lower.AsSpan().ContainsAny(StrongPartSearch) ? ClassVerdict.Strong : ClassVerdict.None;
        foreach (var range in lower.AsSpan().Split(' '))
        {
            var token = lower.AsSpan(range);
            if (token.IsEmpty || StartsWithAny(token, StatePrefixes))
            {
                continue;
            }

            if (IsNegative(token))
            {
                verdict |= ClassVerdict.Negative;
            }
            else if (token.ContainsAny(PositivePartSearch))
            {
                verdict |= ClassVerdict.Positive;
            }

            if (!token.Contains("commentary", StringComparison.Ordinal)
                && (token.Contains("comment", StringComparison.Ordinal) || token.Contains("disqus", StringComparison.Ordinal)))
            {
                verdict |= ClassVerdict.Comments;
            }
        }

        return verdict;
    }

    /// <summary>-1 for chrome, +1 for article-like names, 0 otherwise.</summary>
    public static int Weight(ClassVerdict verdict) =>
        (verdict & ClassVerdict.Negative) != 0 ? -1 : (verdict & ClassVerdict.Positive) != 0 ? 1 : 0;

    private static void Remember(string key, ClassVerdict value)
    {
        // Counted here, not with ClassCache.Count, which takes every lock of the dictionary (up to 1,024 once it
        // has grown): on a page full of new class strings that cost more than judging them.
        if (Interlocked.Increment(ref _cached) > MaxCachedStrings)
        {
            ClassCache.Clear();
            Interlocked.Exchange(ref _cached, 1);
        }

        ClassCache[key] = value;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> token, string[] prefixes)
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

    private static bool IsNegative(ReadOnlySpan<char> token)
    {
        if (token.Contains("commentary", StringComparison.Ordinal) || token.StartsWith("elementor", StringComparison.Ordinal))
        {
            return false;
        }

        if (token.ContainsAny(NegativePartSearch))
        {
            return true;
        }

        foreach (var word in NegativeTokens)
        {
            if (token.SequenceEqual(word) || HasSeparatedAffix(token, word))
            {
                return true;
            }
        }

        return token.SequenceEqual("widget") || StartsWithAny(token, NegativePrefixes);
    }

    private static bool HasSeparatedAffix(ReadOnlySpan<char> token, string word)
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
}
