using LiteDB;
using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Summaries;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Exports;

/// <summary>A date-only CSV export is written from stored documents; it must equal the Article path byte for byte.</summary>
public sealed class DocumentCsvCellsTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Queries => ["all", "since-until", "ingested", "limit"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Every_column_equals_the_article_path(string name)
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.InsertMany(Varied().OrderBy(_ => Guid.NewGuid()));
        var query = name switch
        {
            "since-until" => new ArticleQuery { Since = Day.AddMinutes(1), Until = Day.AddMinutes(3) },
            "ingested" => new ArticleQuery { DateField = ArticleDateField.Ingested },
            "limit" => new ArticleQuery { Since = Day.AddMinutes(1), Limit = ArticleQueryRunner.ChunkSize + 3 },
            _ => new ArticleQuery(),
        };

        var (raw, typed) = Both(store, query);

        Assert.True(ArticleQueries.IsDateOnly(query));
        Assert.True(raw.Length > 1, "no rows");
        Assert.Equal(typed, raw);
    }

    [Fact]
    public void Cells_cover_nulls_empty_lists_evidence_json_and_dates()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.InsertMany(Varied().Take(3));

        var (raw, typed) = Both(store, new ArticleQuery());

        Assert.Equal(typed, raw);
        // The bare article: no source, date, language, tags, lists, summary sentences, story or description.
        Assert.Contains(",bare,https://example.org/bare,Bare,,press,feed-a,,2026-11-22T09:35:00Z,,,,,,,,,,extractive,feed,page not fetched: HTTP 404,[],,\n", string.Join("\n", raw) + "\n");
        Assert.Contains("\"\"score\"\":0.1235", raw[1] + raw[2] + raw[3], StringComparison.Ordinal);
        Assert.Contains("\\u003Cb\\u003E", string.Join("\n", raw), StringComparison.Ordinal);
    }

    [Fact]
    public void Old_and_hand_written_documents_read_the_same_on_both_paths()
    {
        using var temp = new TempFolder();
        var path = temp.File("n.db");
        using (var db = new LiteDatabase(path))
        {
            var articles = db.GetCollection("articles");
            var tag = new BsonDocument { ["Theme"] = "standards", ["Score"] = 0.5, ["Evidence"] = new BsonArray() };
            // Version 0: no schema version and no flat theme list (rebuilt from the tags on read).
            articles.Insert(new BsonDocument { ["_id"] = "old", ["FeedId"] = "f", ["Url"] = "https://example.org/old", ["Title"] = "Old", ["Ingested"] = Day.UtcDateTime, ["EffectiveDate"] = Day.UtcDateTime, ["Tags"] = new BsonArray { tag } });
            // Only the required fields: every other column takes the Article default.
            articles.Insert(new BsonDocument { ["_id"] = "bare", ["SchemaVersion"] = 1, ["FeedId"] = "f", ["Url"] = "https://example.org/bare", ["Title"] = "Bare", ["Published"] = Day.AddMinutes(1).UtcDateTime, ["EffectiveDate"] = Day.AddMinutes(1).UtcDateTime });
        }

        using var store = new LiteDbNewsStore(path);
        var (raw, typed) = Both(store, new ArticleQuery());

        Assert.Equal(typed, raw);
        Assert.StartsWith("1,old,", raw[1], StringComparison.Ordinal);
        // A version 0 score is the tagger's raw sum: 0.5 is 0.5 / 1.5 on the 0 to 1 scale.
        Assert.Contains(",standards,0.3333,", raw[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_from_a_newer_NewsDesk_is_refused_on_the_raw_path_too()
    {
        using var temp = new TempFolder();
        var path = temp.File("n.db");
        using (var db = new LiteDatabase(path))
        {
            db.GetCollection("articles").Insert(new BsonDocument { ["_id"] = "future", ["SchemaVersion"] = 99, ["FeedId"] = "f", ["Url"] = "https://example.org/f", ["Title"] = "t", ["EffectiveDate"] = Day.UtcDateTime });
        }

        using var store = new LiteDbNewsStore(path);
        var error = Assert.Throws<StorageException>(() => ArticleExporter.Write(store, new ArticleQuery(), ExportFormat.Csv, new StringWriter(), ct: TestContext.Current.CancellationToken));
        Assert.Contains("article future has schema version 99", error.Message, StringComparison.Ordinal);
    }

    private static (string[] Raw, string[] Typed) Both(LiteDbNewsStore store, ArticleQuery query)
    {
        var raw = new StringWriter();
        var typed = new StringWriter();
        var rawCount = ArticleExporter.Write(store, query, ExportFormat.Csv, raw, ct: TestContext.Current.CancellationToken);
        var typedCount = ArticleExporter.Write(store.Query(query), ExportFormat.Csv, typed, ct: TestContext.Current.CancellationToken);
        Assert.Equal(typedCount, rawCount);
        return (Lines(raw), Lines(typed));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n');

    /// <summary>Awkward articles first, then runs of equal instants across chunk boundaries, for the walk's order.</summary>
    private static IEnumerable<Article> Varied()
    {
        var full = Articles.Make("full", "=HYPERLINK(\"http://evil\") and \"quotes\", commas", Day, ["bilateral", "safety_ethics"]) with
        {
            Text = "Zürich — 東京 😀\n\nSecond paragraph, with \"quotes\".",
            Byline = "A. Writer",
            Language = "en-GB",
            Description = "-2+3 standfirst",
            Tags =
            [
                new ThemeTag { Theme = "bilateral", Score = 0.123456789, Evidence = [new TagEvidence { Phrase = "<b>memorandum</b> & 'co'", Sentence = "Ünïcode \"sentence\".", Field = "body", Offset = 42 }] },
                new ThemeTag { Theme = "safety_ethics", Score = 1, Evidence = [] },
            ],
            Summary = new Summary { Method = SummaryMethods.Machine, Model = "m", Sentences = [new SummarySentence { Text = "One." }, new SummarySentence { Text = "Two." }] },
        };
        var bare = new Article
        {
            Id = "bare",
            FeedId = "feed-a",
            Url = "https://example.org/bare",
            Title = "Bare",
            Ingested = Day.AddMinutes(5),
            TextSource = "feed",
            FallbackReason = "page not fetched: HTTP 404",
        };
        yield return full;
        yield return bare;
        yield return Articles.Make("gov", "@cmd government", Day, kind: "government", story: "s1") with { Source = null, Parties = [], Countries = ["Japan"] };
        var chunk = ArticleQueryRunner.ChunkSize;
        for (var i = 0; i < (3 * chunk) + 7; i++)
        {
            yield return Articles.Make($"t{i:D4}", $"Tie {i}", Day.AddMinutes(1 + (i / (chunk + 1))), i % 2 == 0 ? ["standards"] : []) with { Ingested = Day.AddHours(1).AddMinutes(i % 3) };
        }
    }
}
