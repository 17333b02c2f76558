using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDesk.Extraction.Batch;

/// <summary>The &lt;id&gt;.json written by the extract command: an article's metadata without its text.</summary>
public sealed record ExtractedMetadataFile
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Language { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Description { get; init; }
    public string? LeadImage { get; init; }
    public string? SiteName { get; init; }
    public bool IsArticle { get; init; }
    public string? NotArticleReason { get; init; }

    public static ExtractedMetadataFile From(ExtractedArticle article) => new()
    {
        Title = article.Title,
        Byline = article.Byline,
        Published = article.Published,
        Modified = article.Modified,
        Language = article.Language,
        CanonicalUrl = article.CanonicalUrl,
        Description = article.Description,
        LeadImage = article.LeadImage,
        SiteName = article.SiteName,
        IsArticle = article.IsArticle,
        NotArticleReason = article.NotArticleReason,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ExtractedMetadataFile? FromJson(string json) => JsonSerializer.Deserialize<ExtractedMetadataFile>(json, JsonOptions);
}
