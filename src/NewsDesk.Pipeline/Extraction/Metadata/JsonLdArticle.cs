namespace NewsDesk.Extraction.Metadata;

/// <summary>The fields NewsDesk reads from a page's schema.org JSON-LD.</summary>
internal sealed record JsonLdArticle
{
    public bool IsArticle { get; init; }
    public string? Headline { get; init; }
    public string? Author { get; init; }
    public string? DatePublished { get; init; }
    public string? DateModified { get; init; }
    public string? Image { get; init; }
    public string? Publisher { get; init; }
    public string? Body { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? WebSiteName { get; init; }
    public bool IsAccessibleForFreeFalse { get; init; }
}
