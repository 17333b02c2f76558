namespace NewsDesk.Exports;

/// <summary>The export's columns in their fixed order (docs/export-schema.md): the CSV header, and the order of a row's cells.</summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<string> All =
    [
        "schema_version", "id", "url", "title", "source", "source_kind", "feed_id", "published", "ingested", "language",
        "byline", "themes", "max_score", "parties", "countries", "organisations", "story_id", "summary", "summary_method",
        "text_source", "fallback_reason", "evidence", "description", "text",
    ];
}
