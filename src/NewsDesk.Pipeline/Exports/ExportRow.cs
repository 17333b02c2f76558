using System.Globalization;
using System.Text.Json;
using NewsDesk.Storage;

namespace NewsDesk.Exports;

/// <summary>
/// One exported article, flat, in the fixed column order of docs/export-schema.md (schema version
/// <see cref="SchemaVersion"/>). List columns are arrays in JSONL and "; "-joined in CSV.
/// </summary>
public sealed record ExportRow
{
    public const int SchemaVersion = 1;

    public int schema_version { get; init; } = SchemaVersion;
    public required string id { get; init; }
    public required string url { get; init; }
    public required string title { get; init; }
    public string? source { get; init; }
    public required string source_kind { get; init; }
    public required string feed_id { get; init; }
    public string? published { get; init; }
    public required string ingested { get; init; }
    public string? language { get; init; }
    public string? byline { get; init; }
    public string[] themes { get; init; } = [];
    public double? max_score { get; init; }
    public string[] parties { get; init; } = [];
    public string[] countries { get; init; } = [];
    public string[] organisations { get; init; } = [];
    public string? story_id { get; init; }
    public string summary { get; init; } = "";
    public required string summary_method { get; init; }
    public required string text_source { get; init; }
    public string? fallback_reason { get; init; }
    /// <summary>Per theme: score, and the matched phrases with their sentence and field. A JSON string in CSV.</summary>
    public required JsonElement evidence { get; init; }
    public string? description { get; init; }
    public string text { get; init; } = "";

    public static ExportRow From(Article article) => new()
    {
        id = article.Id,
        url = article.Url,
        title = article.Title,
        source = article.Source,
        source_kind = article.SourceKind,
        feed_id = article.FeedId,
        published = article.Published is { } published ? Format(published) : null,
        ingested = Format(article.Ingested),
        language = article.Language,
        byline = article.Byline,
        themes = article.Themes,
        max_score = article.Tags.Length == 0 ? null : Math.Round(article.Tags.Max(t => t.Score), 4),
        parties = article.Parties,
        countries = article.Countries,
        organisations = article.Organisations,
        story_id = article.StoryId,
        summary = article.Summary.Text,
        summary_method = article.Summary.Method,
        text_source = article.TextSource,
        fallback_reason = article.FallbackReason,
        evidence = Tagging.EvidenceJson.Of(article.Tags),
        description = article.Description,
        text = article.Text,
    };

    /// <summary>A date column: the UTC instant to the second.</summary>
    internal static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
