namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// Reads title, byline, dates, language, canonical URL, description, lead image and site name.
/// Each field takes the most deliberate source first: JSON-LD and Open Graph are written for
/// machines, then plain meta tags, then what the visible page shows.
/// </summary>
internal static class MetadataReader
{
    public static PageMetadata Read(PageSignals signals, Uri? pageUrl)
    {
        var meta = signals.Meta;
        var jsonLd = JsonLdReader.Read(signals.JsonLdBlocks);
        var siteName = Meta(meta, "og:site_name", "application-name") ?? jsonLd.Publisher ?? jsonLd.WebSiteName;
        var canonical = Absolute(signals.CanonicalHref, pageUrl)
            ?? Absolute(Meta(meta, "og:url"), pageUrl) ?? Absolute(jsonLd.Url, pageUrl);
        var baseForImages = pageUrl ?? (canonical is null ? null : new Uri(canonical));

        return new PageMetadata
        {
            Title = ReadTitle(signals, jsonLd, siteName),
            Byline = BylineReader.Read(signals, jsonLd),
            Published = DateValueParser.Parse(jsonLd.DatePublished)
                ?? ParseFirst(meta, "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
                    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "govuk:first-published-at")
                ?? DateValueParser.Parse(signals.ItemPropPublished)
                ?? DateValueParser.Parse(signals.TimeDateTime)
                ?? DateValueParser.FromUrl(pageUrl?.AbsolutePath ?? canonical),
            Modified = DateValueParser.Parse(jsonLd.DateModified)
                ?? ParseFirst(meta, "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "article.updated", "govuk:updated-at", "govuk:public-updated-at"),
            Language = ReadLanguage(signals.HtmlLang, meta, jsonLd),
            CanonicalUrl = canonical,
            Description = ReadDescription(meta) ?? jsonLd.Description,
            LeadImage = Absolute(Meta(meta, "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"), baseForImages)
                ?? Absolute(jsonLd.Image, baseForImages),
            SiteName = siteName,
            JsonLdBody = jsonLd.Body,
            IsPaywalled = jsonLd.IsAccessibleForFreeFalse,
            DeclaresArticle = jsonLd.IsArticle || string.Equals(Meta(meta, "og:type"), "article", StringComparison.OrdinalIgnoreCase),
        };
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

    private static string? ReadTitle(PageSignals signals, JsonLdArticle jsonLd, string? siteName)
    {
        // The visible headline is what readers (and the feed) call the article; og:title and <title> are
        // often SEO variants of it. A single multi-word <h1> is taken as that headline.
        var h1 = Normalise(signals.FirstH1);
        if (signals.H1Count == 1 && h1 is not null && h1.Split(' ').Length >= 3 && h1.Length <= 300)
        {
            return TitleCleaner.Clean(h1, siteName);
        }

        var candidate = Meta(signals.Meta, "og:title", "twitter:title") ?? jsonLd.Headline ?? h1 ?? Normalise(signals.TitleElement);
        return TitleCleaner.Clean(candidate, siteName);
    }

    private static string? ReadDescription(Dictionary<string, string> meta)
    {
        // The plain description first; but an SEO snippet cut off with "..." loses to a whole og:description
        // (the standfirst written for sharing), as Readability would take.
        var description = Meta(meta, "description");
        if (description is not null && IsCutOff(description) && Meta(meta, "og:description") is { } og && !IsCutOff(og))
        {
            return og;
        }

        return description ?? Meta(meta, "og:description", "twitter:description", "dc.description");
    }

    private static bool IsCutOff(string text) => text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…');

    private static string? ReadLanguage(string? htmlLang, Dictionary<string, string> meta, JsonLdArticle jsonLd)
    {
        var lang = htmlLang;
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
