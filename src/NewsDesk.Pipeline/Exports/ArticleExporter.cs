using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NewsDesk.Storage;

namespace NewsDesk.Exports;

/// <summary>Writes articles as CSV or JSONL, one row at a time, so memory stays flat whatever the size of the result.</summary>
public static class ArticleExporter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static readonly string[] Columns =
    [
        "schema_version", "id", "url", "title", "source", "source_kind", "feed_id", "published", "ingested", "language",
        "byline", "themes", "max_score", "parties", "countries", "organisations", "story_id", "summary", "summary_method",
        "text_source", "fallback_reason", "evidence", "description", "text",
    ];

    /// <param name="progress">Called after each row with the running count.</param>
    /// <returns>The number of rows written.</returns>
    public static int Write(IEnumerable<Article> articles, ExportFormat format, TextWriter writer, Action<int>? progress = null, CancellationToken ct = default) =>
        format == ExportFormat.Csv ? WriteCsv(articles, writer, progress, ct) : WriteJsonl(articles, writer, progress, ct);

    private static int WriteJsonl(IEnumerable<Article> articles, TextWriter writer, Action<int>? progress, CancellationToken ct)
    {
        var count = 0;
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            writer.Write(JsonSerializer.Serialize(ExportRow.From(article), JsonOptions));
            writer.Write('\n');
            count++;
            progress?.Invoke(count);
        }

        writer.Flush();
        return count;
    }

    private static int WriteCsv(IEnumerable<Article> articles, TextWriter writer, Action<int>? progress, CancellationToken ct)
    {
        // Cells starting with = + - @ tab or CR would run as formulas in a spreadsheet; CsvHelper prefixes them with a quote.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader(Columns);
        var count = 0;
        var fields = new string?[Columns.Length];
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            var row = ExportRow.From(article);
            fields[0] = row.schema_version.ToString(CultureInfo.InvariantCulture);
            fields[1] = row.id;
            fields[2] = row.url;
            fields[3] = row.title;
            fields[4] = row.source;
            fields[5] = row.source_kind;
            fields[6] = row.feed_id;
            fields[7] = row.published;
            fields[8] = row.ingested;
            fields[9] = row.language;
            fields[10] = row.byline;
            fields[11] = string.Join("; ", row.themes);
            fields[12] = row.max_score?.ToString("0.####", CultureInfo.InvariantCulture);
            fields[13] = string.Join("; ", row.parties);
            fields[14] = string.Join("; ", row.countries);
            fields[15] = string.Join("; ", row.organisations);
            fields[16] = row.story_id;
            fields[17] = row.summary;
            fields[18] = row.summary_method;
            fields[19] = row.text_source;
            fields[20] = row.fallback_reason;
            fields[21] = row.evidence.GetRawText();
            fields[22] = row.description;
            fields[23] = row.text;
            csv.WriteRecord(fields!);
            count++;
            progress?.Invoke(count);
        }

        csv.Flush();
        return count;
    }
}
