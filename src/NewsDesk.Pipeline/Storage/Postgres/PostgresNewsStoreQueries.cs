using System.Globalization;
using NewsDesk.Exports;
using Npgsql;

namespace NewsDesk.Storage;

/// <summary>
/// The PostgreSQL store's queries: each result is read in chunks, each its own short query that starts after the last
/// row of the one before (keyset on the date and id, which the date indexes cover), so no reader or transaction stays
/// open while the caller works on rows, and a caller that stops early leaves nothing to drain. A text search comes best
/// match first (ts_rank), then in date order.
/// </summary>
public sealed partial class PostgresNewsStore
{
    /// <summary>Rows per chunk: about 3 MB of whole articles.</summary>
    private const int ChunkSize = 500;

    /// <summary>Rows per chunk of export cells, which carry no HTML or story data.</summary>
    private const int ExportChunkSize = 2000;

    private const string ExportSelect =
        "id, url, title, source, source_kind, feed_id, published, ingested, language, byline, themes, max_score, parties, " +
        "countries, organisations, story_id, summary_text, summary_method, text_source, fallback_reason, evidence::text, " +
        "description, text";

    public IEnumerable<Article> Query(ArticleQuery query) => Rows(query, PostgresArticleRow.Select, ChunkSize, PostgresArticleRow.Read);

    public IEnumerable<Article> QueryHeadlines(ArticleQuery query) =>
        Rows(RequireDateOnly(query), PostgresArticleRow.SelectHeadline, ChunkSize, PostgresArticleRow.Read);

    public IEnumerable<string?[]> QueryExportCells(ArticleQuery query) => Rows(RequireDateOnly(query), ExportSelect, ExportChunkSize, ExportCells);

    private static ArticleQuery RequireDateOnly(ArticleQuery query) => ArticleQueries.IsDateOnly(query)
        ? query
        : throw new ArgumentException("Only date bounds and a limit can be applied to headlines and export cells.", nameof(query));

    /// <summary>
    /// The rows of <paramref name="query"/>, read <paramref name="chunk"/> at a time. The date column and id are
    /// selected after <paramref name="select"/>'s columns, for the next chunk to start after them.
    /// </summary>
    private IEnumerable<T> Rows<T>(ArticleQuery query, string select, int chunk, Func<NpgsqlDataReader, T> map)
    {
        var filter = new PostgresArticleFilter(query);
        var remaining = query.Limit ?? int.MaxValue;
        (DateTimeOffset Date, string Id)? last = null;
        var offset = 0L;
        while (remaining > 0)
        {
            var take = Math.Min(chunk, remaining);
            var rows = Read(connection =>
            {
                using var command = filter.IsRanked
                    ? Ranked(connection, filter, select, take, offset)
                    : AfterKey(connection, filter, select, take, last);
                using var reader = command.ExecuteReader();
                var read = new List<(T Row, DateTimeOffset Date, string Id)>(take);
                var key = reader.FieldCount - 2;
                while (reader.Read())
                {
                    read.Add((map(reader), reader.GetFieldValue<DateTimeOffset>(key), reader.GetString(key + 1)));
                }

                return read;
            });

            foreach (var row in rows)
            {
                yield return row.Row;
            }

            if (rows.Count < take)
            {
                yield break;
            }

            remaining -= rows.Count;
            offset += rows.Count;
            last = (rows[^1].Date, rows[^1].Id);
        }
    }

    private static NpgsqlCommand AfterKey(NpgsqlConnection connection, PostgresArticleFilter filter, string select, int take, (DateTimeOffset Date, string Id)? last)
    {
        var date = filter.DateColumn;
        var command = new NpgsqlCommand(
            $"SELECT {select}, {date}, id FROM articles {filter.Where(last is null ? null : $"({date}, id) > (@last_date, @last_id)")} ORDER BY {date}, id LIMIT {take}",
            connection);
        command.Parameters.AddRange(filter.Parameters.Select(p => p.Clone()).ToArray());
        if (last is { } key)
        {
            command.Parameters.AddWithValue("last_date", key.Date);
            command.Parameters.AddWithValue("last_id", key.Id);
        }

        return command;
    }

    private static NpgsqlCommand Ranked(NpgsqlConnection connection, PostgresArticleFilter filter, string select, int take, long offset)
    {
        var date = filter.DateColumn;
        var command = new NpgsqlCommand(
            $"SELECT {select}, {date}, id FROM articles {filter.Where()} ORDER BY ts_rank(search, websearch_to_tsquery('simple', @q)) DESC, {date}, id LIMIT {take} OFFSET {offset}",
            connection);
        command.Parameters.AddRange(filter.Parameters.Select(p => p.Clone()).ToArray());
        return command;
    }

    /// <summary>The cells of a row read with <see cref="ExportSelect"/>, as the <see cref="ExportRow"/> path writes them.</summary>
    private static string?[] ExportCells(NpgsqlDataReader row)
    {
        var cells = new string?[ExportColumns.All.Count];
        cells[0] = ExportSchemaVersion;
        cells[1] = row.GetString(0);
        cells[2] = row.GetString(1);
        cells[3] = row.GetString(2);
        cells[4] = Text(row, 3);
        cells[5] = row.GetString(4);
        cells[6] = row.GetString(5);
        cells[7] = row.IsDBNull(6) ? null : ExportRow.Format(row.GetFieldValue<DateTimeOffset>(6));
        cells[8] = ExportRow.Format(row.GetFieldValue<DateTimeOffset>(7));
        cells[9] = Text(row, 8);
        cells[10] = Text(row, 9);
        cells[11] = string.Join("; ", row.GetFieldValue<string[]>(10));
        cells[12] = row.IsDBNull(11) ? null : row.GetDouble(11).ToString("0.####", CultureInfo.InvariantCulture);
        cells[13] = string.Join("; ", row.GetFieldValue<string[]>(12));
        cells[14] = string.Join("; ", row.GetFieldValue<string[]>(13));
        cells[15] = string.Join("; ", row.GetFieldValue<string[]>(14));
        cells[16] = Text(row, 15);
        cells[17] = row.GetString(16);
        cells[18] = row.GetString(17);
        cells[19] = row.GetString(18);
        cells[20] = Text(row, 19);
        cells[21] = row.GetString(20);
        cells[22] = Text(row, 21);
        cells[23] = row.GetString(22);
        return cells;
    }

    private static readonly string ExportSchemaVersion = ExportRow.SchemaVersion.ToString(CultureInfo.InvariantCulture);

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
