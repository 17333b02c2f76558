using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

/// <summary>
/// schemas/feeds.schema.json (for editors) and FeedCatalog (the worker and `config check`) describe the same file:
/// the same fields, the same required ones, the same kinds, and patterns that judge sample values as the reader does.
/// No JSON Schema validator is referenced by the solution, so the schema's parts are compared with the reader directly.
/// </summary>
public sealed class FeedsSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "feeds.schema.json")))!.AsObject();
    private static readonly JsonObject Feed = Schema["$defs"]!["feed"]!.AsObject();

    private const string ValidEntry = """
        { "id": "a", "title": "A", "url": "https://example.org/feed", "kind": "press", "schedule": { "interval": "00:30:00" },
          "enabled": true, "category": "News/Tech", "siteUrl": "https://example.org/" }
        """;

    [Fact]
    public void Schema_lists_every_field_the_reader_reads()
    {
        // The per-source settings are fields of the entry itself, read into FeedDefinition.Settings.
        var fields = Names<FeedDefinition>().Where(n => n != "settings").Concat(Names<SourceSettings>()).Order();
        Assert.Equal(["date", "item", "link", "title"], Feed["properties"]!["scrape"]!["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(fields, Feed["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(Names<FeedSchedule>(), Feed["properties"]!["schedule"]!["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(Enum.GetNames<FeedKind>().Select(n => n.ToLowerInvariant()).Order(), Feed["properties"]!["kind"]!["enum"]!.AsArray().Select(k => (string)k!).Order());
        Assert.Equal(["feeds"], Schema["required"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public void Schema_requires_exactly_the_fields_the_reader_requires()
    {
        var required = Feed["required"]!.AsArray().Select(r => (string)r!).ToHashSet();
        foreach (var field in Feed["properties"]!.AsObject().Select(p => p.Key))
        {
            var entry = JsonNode.Parse(ValidEntry)!.AsObject();
            entry.Remove(field);
            var error = Record.Exception(() => Parse(entry.ToJsonString()));
            if (required.Contains(field))
            {
                Assert.True(error is FeedCatalogException, $"the schema requires \"{field}\" but the reader accepts an entry without it");
                Assert.Contains($"\"{field}\"", error!.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(error is null, $"the schema makes \"{field}\" optional but the reader refuses an entry without it: {error?.Message}");
            }
        }
    }

    [Theory]
    [InlineData("id", "govuk-ai.news_2", true)]
    [InlineData("id", "GovUK", false)]
    [InlineData("id", "gov uk", false)]
    [InlineData("id", "", false)]
    [InlineData("title", "   ", false)]
    [InlineData("url", "https://example.org/feed.xml?x=1", true)]
    [InlineData("url", "HTTP://example.org/feed", true)]
    [InlineData("url", "ftp://example.org/feed", false)]
    [InlineData("url", "example.org/feed", false)]
    [InlineData("siteUrl", "https://example.org/", true)]
    [InlineData("siteUrl", "", true)]
    [InlineData("siteUrl", "file:///etc/passwd", false)]
    [InlineData("schedule.interval", "00:30:00", true)]
    [InlineData("schedule.interval", "1.00:00:00", true)]
    [InlineData("schedule.interval", "01:00", true)]
    [InlineData("schedule.interval", "half an hour", false)]
    [InlineData("schedule.interval", "30m", false)]
    [InlineData("schedule.cron", "0 0/30 * * * ?", true)]
    [InlineData("schedule.cron", "0 0 7 ? * MON-FRI 2027", true)]
    [InlineData("schedule.cron", "*/5 * * * *", false)]
    public void Schema_pattern_judges_a_value_as_the_reader_does(string field, string value, bool readerAccepts)
    {
        var entry = JsonNode.Parse(ValidEntry)!.AsObject();
        JsonObject target = entry;
        var name = field;
        if (field.StartsWith("schedule.", StringComparison.Ordinal))
        {
            target = new JsonObject();
            entry["schedule"] = target;
            name = field["schedule.".Length..];
        }

        target[name] = value;
        var schemaProperty = field.StartsWith("schedule.", StringComparison.Ordinal) ? Feed["properties"]!["schedule"]!["properties"]![name]! : Feed["properties"]![name]!;

        Assert.Equal(readerAccepts, Record.Exception(() => Parse(entry.ToJsonString())) is null);
        Assert.Equal(readerAccepts, Regex.IsMatch(value, (string)schemaProperty["pattern"]!));
    }

    [Theory]
    [InlineData("feeds.json")]
    [InlineData("samples/feeds.json")]
    public async Task Feed_lists_point_at_the_schema_and_config_check_accepts_them(string relative)
    {
        var path = Path.Combine(RepoPaths.Root, relative);
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)))
        {
            var reference = document.RootElement.GetProperty("$schema").GetString()!;
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, reference)), $"{relative}: $schema {reference} not found");
        }

        using var temp = new TempFolder();
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "config", "check", $"--NewsDesk:FeedsFile={path}");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"feeds: {path} (", stdout + stderr, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Names<T>() =>
        typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order();

    private static void Parse(string entry)
    {
        using var document = JsonDocument.Parse($$"""{ "$schema": "x", "feeds": [ {{entry}} ] }""");
        FeedCatalog.Parse(document.RootElement, "feeds.json", cron => Quartz.CronExpression.TryParse(cron, out _));
    }
}
