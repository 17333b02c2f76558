using System.Globalization;
using System.Text.Json;
using CsvHelper;
using NewsDesk.Desks;
using NewsDesk.Storage;

namespace NewsDesk.Exports;

/// <summary>Writes articles as CSV or JSONL, one row at a time, so memory stays flat whatever the size of the result.</summary>
public static class ArticleExporter
{
    // Rows per batch handed from the reading thread, and batches it may run ahead: about 1 MB of rows waiting at most.
    private const int ReadAheadBatch = 32;
    private const int ReadAheadBatches = 2;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    /// <summary>
    /// Exports what <paramref name="query"/> selects from <paramref name="store"/>. A CSV export filtered on dates
    /// alone (the large ones) is written from the cells the store reads for it (<see cref="INewsStore.QueryExportCells"/>);
    /// every other export maps whole articles. Both write the same bytes.
    /// </summary>
    /// <param name="progress">Called after each row with the running count.</param>
    /// <returns>The number of rows written.</returns>
    public static int Write(INewsStore store, ArticleQuery query, ExportFormat format, TextWriter writer, Action<int>? progress = null, CancellationToken ct = default)
    {
        if (format == ExportFormat.Csv && ArticleQueries.IsDateOnly(query))
        {
            return Drive(ReadAhead.Of(store.QueryExportCells(query), ReadAheadBatch, ReadAheadBatches, ct), CsvRows<string?[]>(writer, CopyCells), writer, progress, ct);
        }

        return Write(ReadAhead.Of(store.Query(query), ReadAheadBatch, ReadAheadBatches, ct), format, writer, progress, ct);
    }

    /// <param name="progress">Called after each row with the running count.</param>
    /// <returns>The number of rows written.</returns>
    public static int Write(IEnumerable<Article> articles, ExportFormat format, TextWriter writer, Action<int>? progress = null, CancellationToken ct = default) =>
        Drive(articles, ArticleRows(format, writer), writer, progress, ct);

    /// <summary>
    /// The same export for a destination that may stop reading (the read API's response). Nothing here blocks on the
    /// destination: rows are formatted into a buffer, each chunk of about 32 KB is handed over with an asynchronous
    /// write, and the store is read ahead on its own thread (<see cref="ReadAhead.OfAsync"/>). A chunk the destination
    /// has not taken within <paramref name="chunkTimeout"/> ends the export with a <see cref="TimeoutException"/>.
    /// </summary>
    /// <returns>The number of rows written.</returns>
    /// <param name="desk">
    /// A desk whose filter the rows must pass (<see cref="DeskFilter"/>, which may also drop tags), applied to whole
    /// articles; null for none, which lets a date-only CSV export read only its cells.
    /// </param>
    public static Task<int> WriteAsync(INewsStore store, ArticleQuery query, ExportFormat format, Stream destination, TimeSpan chunkTimeout, CancellationToken ct, DeskOptions? desk = null)
    {
        var output = new ChunkedOutput(destination, chunkTimeout);
        if (desk is null && format == ExportFormat.Csv && ArticleQueries.IsDateOnly(query))
        {
            return DriveAsync(ReadAhead.OfAsync(store.QueryExportCells(query), ReadAheadBatch, ReadAheadBatches, ct), CsvRows<string?[]>(output.Writer, CopyCells), output, ct);
        }

        var articles = desk is null ? store.Query(query) : DeskFilter.Apply(desk, store.Query(query));
        return DriveAsync(ReadAhead.OfAsync(articles, ReadAheadBatch, ReadAheadBatches, ct), ArticleRows(format, output.Writer), output, ct);
    }

    /// <summary>
    /// Reads what a CSV export of <paramref name="query"/> reads, the same way, and writes nothing: `bench export`
    /// times it against the whole export, to show how much of an export is the reading. Returns the rows read.
    /// </summary>
    public static int ReadWithoutWriting(INewsStore store, ArticleQuery query, CancellationToken ct = default) =>
        ArticleQueries.IsDateOnly(query)
            ? ReadAhead.Of(store.QueryExportCells(query), ReadAheadBatch, ReadAheadBatches, ct).Count()
            : ReadAhead.Of(store.Query(query), ReadAheadBatch, ReadAheadBatches, ct).Count();

    private static int Drive<T>(IEnumerable<T> rows, RowWriter<T> rowWriter, TextWriter writer, Action<int>? progress, CancellationToken ct)
    {
        var count = 0;
        using (rowWriter)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                rowWriter.Write(row);
                count++;
                progress?.Invoke(count);
            }
        }

        writer.Flush();
        return count;
    }

    private static async Task<int> DriveAsync<T>(IAsyncEnumerable<T> rows, RowWriter<T> rowWriter, ChunkedOutput output, CancellationToken ct)
    {
        await using (output.ConfigureAwait(false))
        {
            var count = 0;
            using (rowWriter)
            {
                await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
                {
                    rowWriter.Write(row);
                    count++;
                    await output.HandOverWhenFullAsync(ct).ConfigureAwait(false);
                }
            }

            await output.FinishAsync(ct).ConfigureAwait(false);
            return count;
        }
    }

    private static RowWriter<Article> ArticleRows(ExportFormat format, TextWriter writer) =>
        format == ExportFormat.Csv ? CsvRows<Article>(writer, Fill) : new RowWriter<Article>(article =>
        {
            writer.Write(JsonSerializer.Serialize(ExportRow.From(article), JsonOptions));
            writer.Write('\n');
        });

    /// <summary>The CSV header, written now, and a writer for the rows: the one place CSV cells are quoted and escaped.</summary>
    private static RowWriter<T> CsvRows<T>(TextWriter writer, Action<T, string?[]> fill)
    {
        // Cells starting with = + - @ tab or CR would run as formulas in a spreadsheet; CsvHelper prefixes them with a quote.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader([.. ExportColumns.All]);
        var fields = new string?[ExportColumns.All.Count];
        return new RowWriter<T>(row =>
        {
            fill(row, fields);
            csv.WriteRecord(fields!);
        }, csv);
    }

    /// <summary>Writes one row; disposing flushes what the CSV writer still holds onto the text writer.</summary>
    private sealed class RowWriter<T>(Action<T> write, CsvWriter? csv = null) : IDisposable
    {
        public void Write(T row) => write(row);

        public void Dispose()
        {
            csv?.Flush();
            csv?.Dispose();
        }
    }

    private static void CopyCells(string?[] cells, string?[] fields) => cells.CopyTo(fields, 0);

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
