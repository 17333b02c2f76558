using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LiteDB;
using NewsDesk.Exports;
using NewsDesk.Summaries;

namespace NewsDesk.Storage;

/// <summary>
/// The CSV cells of one article taken straight from its stored document, for exports at scale: building an
/// <see cref="Article"/> (BsonMapper) and then an <see cref="ExportRow"/> (evidence through a JsonElement) cost about
/// a quarter of an export's CPU, and LiteDB reads only the fields <see cref="Projection"/> names (not the story
/// signature and keys, or the stored HTML). Every cell equals what the <see cref="Article"/> path writes (tested). A
/// missing field and a null one both read as the <see cref="Article"/> default: the store's mapper writes no nulls.
/// One instance per export: it reuses its JSON buffer.
/// </summary>
internal sealed class DocumentCsvCells
{
    /// <summary>The stored fields a CSV row needs, and _id and the dates the query walk orders by.</summary>
    public static readonly BsonExpression Projection = BsonExpression.Create(
        "{ _id: $._id, SchemaVersion: $.SchemaVersion, Url: $.Url, Title: $.Title, Source: $.Source, SourceKind: $.SourceKind, " +
        "FeedId: $.FeedId, Published: $.Published, Ingested: $.Ingested, Language: $.Language, Byline: $.Byline, " +
        "Themes: $.Themes, Tags: $.Tags, Parties: $.Parties, Countries: $.Countries, Organisations: $.Organisations, " +
        "StoryId: $.StoryId, Summary: $.Summary, TextSource: $.TextSource, FallbackReason: $.FallbackReason, " +
        "Description: $.Description, Text: $.Text }");

    private static readonly string SchemaVersion = ExportRow.SchemaVersion.ToString(CultureInfo.InvariantCulture);

    private readonly ArrayBufferWriter<byte> _json = new(4096);
    // The serializer's defaults (JavaScriptEncoder.Default, compact), so the evidence text is byte for byte what
    // JsonSerializer writes for ExportRow.evidence.
    private readonly Utf8JsonWriter _writer;

    public DocumentCsvCells() => _writer = new Utf8JsonWriter(_json);

    /// <summary>The cells of a projected document, in the column order of <see cref="ExportColumns"/>.</summary>
    public string?[] Fill(BsonDocument article)
    {
        ArticleSchema.Upgrade(article);
        var cells = new string?[ExportColumns.All.Count];
        var tags = article["Tags"];
        cells[0] = SchemaVersion;
        cells[1] = Text(article["_id"]);
        cells[2] = Text(article["Url"]);
        cells[3] = Text(article["Title"]);
        cells[4] = Text(article["Source"]);
        cells[5] = Text(article["SourceKind"]) ?? "press";
        cells[6] = Text(article["FeedId"]);
        cells[7] = ArticleQueryRunner.Instant(article["Published"]) is { } published ? ExportRow.Format(published) : null;
        cells[8] = ExportRow.Format(ArticleQueryRunner.Instant(article["Ingested"]) ?? default);
        cells[9] = Text(article["Language"]);
        cells[10] = Text(article["Byline"]);
        cells[11] = Join(article["Themes"]);
        cells[12] = MaxScore(tags)?.ToString("0.####", CultureInfo.InvariantCulture);
        cells[13] = Join(article["Parties"]);
        cells[14] = Join(article["Countries"]);
        cells[15] = Join(article["Organisations"]);
        cells[16] = Text(article["StoryId"]);
        var summary = article["Summary"];
        cells[17] = summary.IsDocument && summary["Sentences"].IsArray ? string.Join(' ', summary["Sentences"].AsArray.Select(s => Text(s["Text"]))) : "";
        cells[18] = (summary.IsDocument ? Text(summary["Method"]) : null) ?? SummaryMethods.Extractive;
        cells[19] = Text(article["TextSource"]) ?? "page";
        cells[20] = Text(article["FallbackReason"]);
        cells[21] = Evidence(tags);
        cells[22] = Text(article["Description"]);
        cells[23] = Text(article["Text"]) ?? "";
        return cells;
    }

    private static string? Text(BsonValue value) => value.IsNull ? null : value.AsString;

    private static string Join(BsonValue list) => list.IsArray ? string.Join("; ", list.AsArray.Select(Text)) : "";

    private static double Score(BsonValue tag) => tag["Score"] is { IsNumber: true } score ? score.AsDouble : 0;

    private static double? MaxScore(BsonValue tags) =>
        tags.IsArray && tags.AsArray.Count > 0 ? Math.Round(tags.AsArray.Max(Score), 4) : null;

    /// <summary>The evidence column: per tag its theme, rounded score and matches, as ExportRow serialises them.</summary>
    private string Evidence(BsonValue tags)
    {
        _json.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
        foreach (var tag in tags.IsArray ? tags.AsArray : [])
        {
            _writer.WriteStartObject();
            _writer.WriteString("theme", Text(tag["Theme"]));
            _writer.WriteNumber("score", Math.Round(Score(tag), 4));
            _writer.WriteStartArray("matches");
            foreach (var match in tag["Evidence"] is { IsArray: true } evidence ? evidence.AsArray : [])
            {
                _writer.WriteStartObject();
                _writer.WriteString("phrase", Text(match["Phrase"]));
                _writer.WriteString("field", Text(match["Field"]));
                _writer.WriteNumber("offset", match["Offset"] is { IsNumber: true } offset ? offset.AsInt32 : 0);
                _writer.WriteString("sentence", Text(match["Sentence"]));
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }
}
