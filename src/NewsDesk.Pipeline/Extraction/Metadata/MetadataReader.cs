using AngleSharp.Dom;

namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// Reads title, byline, dates, language, canonical URL, description, lead image and site name.
/// Each field takes the most deliberate source first: JSON-LD and Open Graph are written for
/// machines, then plain meta tags, then what the visible page shows.
/// </summary>
internal static class MetadataReader
{
    public static PageMetadata Read(IDocument document, Uri? pageUrl)
    {
        var meta = ReadMetaTags(document);
        var jsonLd = JsonLdReader.Read(document.QuerySelectorAll("script[type='application/ld+json' i]").Select(s => s.TextContent));
        var siteName = Meta(meta, "og:site_name", "application-name") ?? jsonLd.Publisher ?? jsonLd.WebSiteName;
        var canonical = Absolute(document.QuerySelector("link[rel='canonical' i]")?.GetAttribute("href"), pageUrl)
            ?? Absolute(Meta(meta, "og:url"), pageUrl) ?? Absolute(jsonLd.Url, pageUrl);
        var baseForImages = pageUrl ?? (canonical is null ? null : new Uri(canonical));

        return new PageMetadata
        {
            Title = ReadTitle(document, meta, jsonLd, siteName),
            Byline = BylineReader.Read(document, meta, jsonLd),
            Published = DateValueParser.Parse(jsonLd.DatePublished)
                ?? ParseFirst(meta, "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
                    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "govuk:first-published-at")
                ?? DateValueParser.Parse(document.QuerySelector("[itemprop='datePublished' i]")?.GetAttribute("content")
                    ?? document.QuerySelector("[itemprop='datePublished' i]")?.GetAttribute("datetime"))
                ?? DateValueParser.Parse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
                ?? DateValueParser.FromUrl(pageUrl?.AbsolutePath ?? canonical),
            Modified = DateValueParser.Parse(jsonLd.DateModified)
                ?? ParseFirst(meta, "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "article.updated", "govuk:updated-at", "govuk:public-updated-at"),
            Language = ReadLanguage(document, meta, jsonLd),
            CanonicalUrl = canonical,
            Description = Meta(meta, "description", "og:description", "twitter:description", "dc.description") ?? jsonLd.Description,
            LeadImage = Absolute(Meta(meta, "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"), baseForImages)
                ?? Absolute(jsonLd.Image, baseForImages),
            SiteName = siteName,
            JsonLdBody = jsonLd.Body,
            IsPaywalled = jsonLd.IsAccessibleForFreeFalse,
            DeclaresArticle = jsonLd.IsArticle || string.Equals(Meta(meta, "og:type"), "article", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static Dictionary<string, string> ReadMetaTags(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                meta.TryAdd(key.Trim(), content.Trim());
            }
        }

        return meta;
    }

    internal static string? Meta(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static DateTimeOffset? ParseFirst(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value) && DateValueParser.Parse(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? ReadTitle(IDocument document, Dictionary<string, string> meta, JsonLdArticle jsonLd, string? siteName)
    {
        // The visible headline is what readers (and the feed) call the article; og:title and <title> are
        // often SEO variants of it. A single multi-word <h1> is taken as that headline.
        var headings = document.QuerySelectorAll("h1");
        var h1 = headings.Length == 1 ? Normalise(headings[0].TextContent) : null;
        if (h1 is not null && h1.Split(' ').Length >= 3 && h1.Length <= 300)
        {
            return TitleCleaner.Clean(h1, siteName);
        }

        var candidate = Meta(meta, "og:title", "twitter:title") ?? jsonLd.Headline
            ?? Normalise(headings.FirstOrDefault()?.TextContent) ?? document.Title;
        return TitleCleaner.Clean(candidate, siteName);
    }

    private static string? ReadLanguage(IDocument document, Dictionary<string, string> meta, JsonLdArticle jsonLd)
    {
        var lang = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang");
        if (string.IsNullOrWhiteSpace(lang))
        {
            lang = Meta(meta, "og:locale")?.Replace('_', '-') ?? Meta(meta, "content-language", "language", "dc.language") ?? jsonLd.Language;
        }

        return string.IsNullOrWhiteSpace(lang) ? null : lang.Split(',')[0].Trim();
    }

    internal static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    internal static string? Absolute(string? url, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return baseUri is not null && Uri.TryCreate(baseUri, url, out var resolved) && resolved.Scheme is "http" or "https" ? resolved.ToString() : null;
    }
}
