using System.CommandLine;
using System.Globalization;
using System.Text;
using NewsDesk.Exports;
using NewsDesk.Hosting;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>`export`: tagged articles as CSV or JSONL, filtered, streamed; columns in docs/export-schema.md.</summary>
internal static class ExportCommand
{
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
        var minScore = new Option<double?>("--min-score") { Description = "Only articles with a tag scoring at least this." };
        var story = new Option<string?>("--story") { Description = "Only this story id." };
        var query = new Option<string?>("--query") { Description = "Only articles whose title or text contains this (case-insensitive)." };
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<string?>("--out") { Description = "Output file (default: stdout)." };
        var command = new Command("export", "Export tagged articles as CSV or JSONL.") { theme, since, until, dateField, feed, party, organisation, minScore, story, query, format, output };
        command.SetAction(async (parse, ct) =>
        {
            var filter = new ArticleQuery
            {
                Themes = parse.GetValue(theme) ?? [],
                Since = ParseInstant(parse.GetValue(since), "--since"),
                Until = ParseInstant(parse.GetValue(until), "--until"),
                DateField = parse.GetValue(dateField) == "ingested" ? ArticleDateField.Ingested : ArticleDateField.Published,
                Feeds = parse.GetValue(feed) ?? [],
                Party = parse.GetValue(party),
                Organisation = parse.GetValue(organisation),
                MinScore = parse.GetValue(minScore),
                Story = parse.GetValue(story),
                Text = parse.GetValue(query),
            };
            var exportFormat = parse.GetValue(format) == "jsonl" ? ExportFormat.Jsonl : ExportFormat.Csv;
            using var host = NewsDeskHost.CreateTool();
            var store = host.Services.GetRequiredService<NewsStore>();
            var path = parse.GetValue(output);
            await using var writer = path is null ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) : new StreamWriter(path, false, new UTF8Encoding(false));
            var rows = ArticleExporter.Write(store.Query(filter), exportFormat, writer, ct: ct);
            await Console.Error.WriteLineAsync($"Exported {rows} articles{(path is null ? "" : " to " + Path.GetFullPath(path))}.").ConfigureAwait(false);
            return CommandLine.Success;
        });
        return command;
    }

    private static DateTimeOffset? ParseInstant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new UsageException($"{option} \"{text}\" is not a date (yyyy-MM-dd) or an ISO 8601 instant.");
    }
}
