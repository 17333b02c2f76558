namespace NewsDesk.Extraction;

/// <summary>What the extractor found on an article page.</summary>
public sealed record ExtractedArticle
{
    /// <summary>False for index pages, empty pages, paywalls and other non-articles; see <see cref="NotArticleReason"/>.</summary>
    public bool IsArticle { get; init; }
    public string? NotArticleReason { get; init; }
    public string? Title { get; init; }
    /// <summary>Main text as plain text, paragraphs separated by blank lines.</summary>
    public string Text { get; init; } = "";
    /// <summary>Main content as cleaned, sanitised HTML (paragraphs, headings, lists, links, images).</summary>
    public string Html { get; init; } = "";
    public string? Byline { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Description { get; init; }
    public string? LeadImage { get; init; }
    public string? Language { get; init; }
    public string? SiteName { get; init; }
}
