using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NewsDesk.Storage;

namespace NewsDesk.Exports;

/// <summary>Writes articles as CSV or JSONL, one row at a time, so memory stays flat whatever the size of the result.</summary>
public static class ArticleExporter
{
    // Rows per batch handed from the reading thread, and batches it may run ahead: about 1 MB of rows waiting at most.
    private const int ReadAheadBatch = 32;
    private const int ReadAheadBatches = 2;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static readonly string[] Columns =
    [
        "schema_version", "id", "url", "title", "source", "source_kind", "feed_id", "published", "ingested", "language",
        "byline", "themes", "max_score", "parties", "countries", "organisations", "story_id", "summary", "summary_method",
        "text_source", "fallback_reason", "evidence", "description", "text",
    ];

    /// <summary>
    /// Exports what <paramref name="query"/> selects from <paramref name="store"/>. A CSV export filtered on dates
    /// alone (the large ones) is written from the stored documents' fields (<see cref="DocumentCsvCells"/>); every
    /// other export maps whole articles. Both write the same bytes.
    /// </summary>
    /// <param name="progress">Called after each row with the running count.</param>
    /// <returns>The number of rows written.</returns>
    public static int Write(NewsStore store, ArticleQuery query, ExportFormat format, TextWriter writer, Action<int>? progress = null, CancellationToken ct = default)
    {
        if (format == ExportFormat.Csv && ArticleQueryRunner.IsDateOnly(query))
        {
            var cells = new DocumentCsvCells();
            return WriteCsv(Ahead(store.QueryDocuments(query, DocumentCsvCells.Projection), ct), cells.Fill, writer, progress, ct);
        }

        return Write(Ahead(store.Query(query), ct), format, writer, progress, ct);
    }

    /// <summary>
    /// Reads what a CSV export of <paramref name="query"/> reads, the same way, and writes nothing: `bench export`
    /// times it against the whole export, to show how much of an export is the reading. Returns the rows read.
    /// </summary>
    public static int ReadWithoutWriting(NewsStore store, ArticleQuery query, CancellationToken ct = default) =>
        ArticleQueryRunner.IsDateOnly(query)
            ? Ahead(store.QueryDocuments(query, DocumentCsvCells.Projection), ct).Count()
            : Ahead(store.Query(query), ct).Count();

    /// <summary>Reading runs a few chunks ahead on another thread (ReadAhead), so the two cores read and write at once.</summary>
    private static IEnumerable<T> Ahead<T>(IEnumerable<T> rows, CancellationToken ct) => ReadAhead.Of(rows, ReadAheadBatch, ReadAheadBatches, ct);

    /// <param name="progress">Called after each row with the running count.</param>
    /// <returns>The number of rows written.</returns>
    public static int Write(IEnumerable<Article> articles, ExportFormat format, TextWriter writer, Action<int>? progress = null, CancellationToken ct = default) =>
        format == ExportFormat.Csv ? WriteCsv(articles, Fill, writer, progress, ct) : WriteJsonl(articles, writer, progress, ct);

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

    private static int WriteCsv<T>(IEnumerable<T> rows, Action<T, string?[]> fill, TextWriter writer, Action<int>? progress, CancellationToken ct)
    {
        // Cells starting with = + - @ tab or CR would run as formulas in a spreadsheet; CsvHelper prefixes them with a quote.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader(Columns);
        var count = 0;
        var fields = new string?[Columns.Length];
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            fill(row, fields);
            csv.WriteRecord(fields!);
            count++;
            progress?.Invoke(count);
        }

        csv.Flush();
        return count;
    }

    private static void Fill(Article article, string?[] fields)
    {
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
    }
}
