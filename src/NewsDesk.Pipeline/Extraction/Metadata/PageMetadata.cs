namespace NewsDesk.Extraction.Metadata;

/// <summary>Metadata read from the page head, JSON-LD and bylines, before the body is located.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Language { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Description { get; init; }
    public string? LeadImage { get; init; }
    public string? SiteName { get; init; }
    /// <summary>JSON-LD articleBody, when the page publishes one; a hint for locating the body.</summary>
    public string? JsonLdBody { get; init; }
    /// <summary>JSON-LD isAccessibleForFree=false: the page says it is behind a paywall.</summary>
    public bool IsPaywalled { get; init; }
    /// <summary>og:type or JSON-LD @type says this page is an article.</summary>
    public bool DeclaresArticle { get; init; }
}
