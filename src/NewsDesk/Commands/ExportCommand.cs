using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Exports;
using NewsDesk.Hosting;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>`export`: tagged articles as CSV or JSONL, filtered, streamed; columns in docs/export-schema.md.</summary>
internal static class ExportCommand
{
    /// <summary>The writer's buffer: each flush is one write call of up to three times this many bytes.</summary>
    private const int OutputBufferChars = 64 * 1024;

    public static Command Create()
    {
        var theme = new Option<string[]>("--theme") { Description = "Only articles with any of these themes (repeatable).", AllowMultipleArgumentsPerToken = true };
        var since = new Option<string?>("--since") { Description = "From this date (yyyy-MM-dd or an ISO 8601 instant), inclusive." };
        var until = new Option<string?>("--until") { Description = "Before this date (yyyy-MM-dd or an ISO 8601 instant), exclusive." };
        var dateField = new Option<string>("--date-field") { Description = "published (default; ingest time when the article has no date) or ingested.", DefaultValueFactory = _ => "published" };
        dateField.AcceptOnlyFromAmong("published", "ingested");
        var feed = new Option<string[]>("--feed") { Description = "Only these feed ids (repeatable).", AllowMultipleArgumentsPerToken = true };
        var party = new Option<string?>("--party") { Description = "Only articles naming this party or country (e.g. \"United Kingdom\")." };
        var organisation = new Option<string?>("--org") { Description = "Only articles naming this organisation." };
        // A string, parsed with the API's own rules, so that a bad value gets the same message and not a type name.
        var minScore = new Option<string?>("--min-score") { Description = "Only articles with a tag scoring at least this (0 to 1; a tag at its theme's threshold scores 0.5)." };
        var story = new Option<string?>("--story") { Description = "Only this story id." };
        var query = new Option<string?>("--query") { Description = "Only articles whose title or text contains this (case-insensitive; on PostgreSQL, full-text search: whole words)." };
        var format = new Option<string>("--format") { Description = "csv, jsonl or parquet (parquet needs --out).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl", "parquet");
        var output = new Option<string?>("--out") { Description = "Output file (default: stdout)." };
        var desk = DeskOption.Create("with the other filters");
        var command = new Command("export", "Export tagged articles as CSV, JSONL or Parquet.") { theme, since, until, dateField, feed, party, organisation, minScore, story, query, format, output, desk };
        command.SetAction(async (parse, ct) =>
        {
            ArticleQuery filter;
            try
            {
                filter = ArticleQueryText.Parse(
                    parse.GetValue(theme), parse.GetValue(since), parse.GetValue(until), parse.GetValue(dateField), parse.GetValue(feed),
                    parse.GetValue(party), parse.GetValue(organisation), parse.GetValue(minScore),
                    parse.GetValue(story), parse.GetValue(query));
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }

            var path = parse.GetValue(output);
            var kind = parse.GetValue(format);
            if (kind == "parquet" && path is null)
            {
                throw new UsageException("--format parquet needs --out FILE: Parquet cannot be written to a pipe.");
            }

            using var host = NewsDeskHost.CreateTool();
            var profile = DeskOption.Find(host.Services, parse.GetValue(desk));
            ExistingStore.Require(host.Services);
            INewsStore store;
            try
            {
                store = host.Services.GetRequiredService<INewsStore>();
            }
            catch (StorageException ex) when (!host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
            {
                // The worker holds the file: LiteDB must not be opened twice, so export through its API instead.
                throw new StorageException($"{ex.Message} While the worker runs, export through its API, e.g. curl -o articles.csv \"http://127.0.0.1:8080/api/articles?format=csv&theme=standards\".", ex);
            }

            try
            {
                QueryNames.Check(filter, host.Services, store);
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }

            var progress = ExportProgress.ForTerminal();
            // A failed export (a full disk, Ctrl+C) removes the file it made: a 0-byte or cut-off CSV left behind reads
            // as an export that found nothing or less. A file that was there before is not deleted (it may be a
            // device such as /dev/null).
            var made = path is not null && !File.Exists(path) && !Directory.Exists(path);
            int rows;
            try
            {
                rows = await WriteAsync(store, filter, profile, kind, path, progress, ct).ConfigureAwait(false);
            }
            catch when (made)
            {
                // Exists first: File.Delete throws when the folder is missing, which would hide the real error.
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                throw;
            }

            progress?.Done(rows);
            await Console.Error.WriteLineAsync($"Exported {rows} {(rows == 1 ? "article" : "articles")}{(path is null ? "" : " to " + Path.GetFullPath(path))}.").ConfigureAwait(false);
            return CommandLine.Success;
        });
        return command;
    }

    private static async Task<int> WriteAsync(INewsStore store, ArticleQuery filter, DeskOptions? desk, string? kind, string? path, ExportProgress? progress, CancellationToken ct)
    {
        // A desk's export is the desk's rule (DeskFilter), applied to the articles the other filters select.
        var articles = desk is null ? store.Query(filter) : DeskFilter.Apply(desk, store.Query(filter));
        if (kind == "parquet")
        {
            await using var file = File.Create(path!);
            return await ParquetArticleWriter.WriteAsync(articles, file, progress is null ? null : progress.Report, ct).ConfigureAwait(false);
        }

        // Large buffers: with the defaults (1,024 chars, 4 KB) a 1 GB export made some 280,000 write calls.
        var stream = path is null ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), OutputBufferChars);
        var exportFormat = kind == "jsonl" ? ExportFormat.Jsonl : ExportFormat.Csv;
        return desk is null
            ? ArticleExporter.Write(store, filter, exportFormat, writer, progress is null ? null : progress.Report, ct)
            : ArticleExporter.Write(articles, exportFormat, writer, progress is null ? null : progress.Report, ct);
    }
}
