using Parquet.Serialization.Attributes;

namespace NewsDesk.Exports;

/// <summary>
/// One article in the Parquet export: the columns of <see cref="ExportRow"/> in the same order, with native
/// timestamps and list columns for themes, parties, countries and organisations. Evidence is a JSON string.
/// The timestamps are INT64 microseconds marked as UTC (the serializer's default, INT96, is read back by Spark,
/// pandas and DuckDB as a time without a zone), and the columns every row has are required, not optional.
/// </summary>
public sealed class ParquetExportRow
{
    public int schema_version { get; set; }
    [ParquetRequired]
    public string id { get; set; } = "";
    [ParquetRequired]
    public string url { get; set; } = "";
    [ParquetRequired]
    public string title { get; set; } = "";
    public string? source { get; set; }
    [ParquetRequired]
    public string source_kind { get; set; } = "";
    [ParquetRequired]
    public string feed_id { get; set; } = "";
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    public DateTime? published { get; set; }
    [ParquetTimestamp(ParquetTimestampResolution.Microseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    public DateTime ingested { get; set; }
    public string? language { get; set; }
    public string? byline { get; set; }
    public List<string> themes { get; set; } = [];
    public double? max_score { get; set; }
    public List<string> parties { get; set; } = [];
    public List<string> countries { get; set; } = [];
    public List<string> organisations { get; set; } = [];
    public string? story_id { get; set; }
    [ParquetRequired]
    public string summary { get; set; } = "";
    [ParquetRequired]
    public string summary_method { get; set; } = "";
    [ParquetRequired]
    public string text_source { get; set; } = "";
    public string? fallback_reason { get; set; }
    [ParquetRequired]
    public string evidence { get; set; } = "[]";
    public string? description { get; set; }
    [ParquetRequired]
    public string text { get; set; } = "";

    public static ParquetExportRow From(ExportRow row, Storage.Article article) => new()
    {
        schema_version = row.schema_version,
        id = row.id,
        url = row.url,
        title = row.title,
        source = row.source,
        source_kind = row.source_kind,
        feed_id = row.feed_id,
        published = article.Published?.UtcDateTime,
        ingested = article.Ingested.UtcDateTime,
        language = row.language,
        byline = row.byline,
        themes = [.. row.themes],
        max_score = row.max_score,
        parties = [.. row.parties],
        countries = [.. row.countries],
        organisations = [.. row.organisations],
        story_id = row.story_id,
        summary = row.summary,
        summary_method = row.summary_method,
        text_source = row.text_source,
        fallback_reason = row.fallback_reason,
        evidence = row.evidence.GetRawText(),
        description = row.description,
        text = row.text,
    };
}
