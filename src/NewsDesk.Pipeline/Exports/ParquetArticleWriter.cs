using NewsDesk.Storage;
using Parquet;
using Parquet.Serialization;

namespace NewsDesk.Exports;

/// <summary>
/// Writes articles to a Parquet file one row group at a time (appending), so memory holds at most one batch
/// whatever the size of the export. Parquet needs a seekable stream: a file, not a pipe.
/// </summary>
public static class ParquetArticleWriter
{
    public const int RowGroupSize = 10_000;

    public static async Task<int> WriteAsync(IEnumerable<Article> articles, Stream destination, Action<int>? progress = null, CancellationToken ct = default)
    {
        if (!destination.CanSeek)
        {
            throw new ArgumentException("Parquet output must be a file (--out FILE), not a pipe.", nameof(destination));
        }

        var count = 0;
        var batch = new List<ParquetExportRow>(RowGroupSize);
        var metadata = new Dictionary<string, string> { ["newsdesk.schema_version"] = ExportRow.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var article in articles)
        {
            ct.ThrowIfCancellationRequested();
            batch.Add(ParquetExportRow.From(ExportRow.From(article), article));
            count++;
            progress?.Invoke(count);
            if (batch.Count == RowGroupSize)
            {
                await FlushAsync(batch, destination, append: count > RowGroupSize, metadata, ct).ConfigureAwait(false);
            }
        }

        if (batch.Count > 0 || count == 0)
        {
            await FlushAsync(batch, destination, append: count > batch.Count, metadata, ct).ConfigureAwait(false);
        }

        return count;
    }

    private static async Task FlushAsync(List<ParquetExportRow> batch, Stream destination, bool append, Dictionary<string, string> metadata, CancellationToken ct)
    {
        await ParquetSerializer.SerializeAsync(batch, destination, new ParquetOptions { Append = append, RowGroupSize = RowGroupSize }, metadata, ct).ConfigureAwait(false);
        batch.Clear();
    }
}
