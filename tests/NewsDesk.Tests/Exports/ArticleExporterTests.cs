using System.Text.Json;
using NewsDesk.Exports;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Exports;

public sealed class ArticleExporterTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+SUM(1,2)")]
    [InlineData("-2+3")]
    [InlineData("@cmd")]
    [InlineData("\tTAB")]
    [InlineData("\rCR")]
    public void Csv_neutralises_formula_cells(string title)
    {
        var writer = new StringWriter();

        ArticleExporter.Write([Articles.Make("a1", title, Day, ["standards"])], ExportFormat.Csv, writer, ct: TestContext.Current.CancellationToken);

        var output = writer.ToString();
        Assert.DoesNotContain("," + title, output);
        Assert.DoesNotContain(",\"" + title, output);
        Assert.Contains("'" + title.Replace("\"", "\"\""), output);
    }

    [Fact]
    public void Csv_header_is_the_documented_column_order()
    {
        var writer = new StringWriter();

        ArticleExporter.Write([], ExportFormat.Csv, writer, ct: TestContext.Current.CancellationToken);

        Assert.StartsWith("schema_version,id,url,title,source,source_kind,feed_id,published,ingested,language,byline,themes,max_score,parties,countries,organisations,story_id,summary,summary_method,text_source,fallback_reason,evidence,description,text", writer.ToString());
    }

    [Fact]
    public void Jsonl_round_trips_what_the_store_holds()
    {
        var article = Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral", "safety_ethics"]);
        var writer = new StringWriter();

        var count = ArticleExporter.Write([article, article with { Id = "a2" }], ExportFormat.Jsonl, writer, ct: TestContext.Current.CancellationToken);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, count);
        Assert.Equal(2, lines.Length);
        var row = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(1, row.GetProperty("schema_version").GetInt32());
        Assert.Equal(article.Url, row.GetProperty("url").GetString());
        Assert.Equal("2026-11-22T09:30:00Z", row.GetProperty("published").GetString());
        Assert.Equal(["bilateral", "safety_ethics"], row.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("memorandum", row.GetProperty("evidence")[0].GetProperty("matches")[0].GetProperty("phrase").GetString());
        Assert.Equal(article.Summary.Text, row.GetProperty("summary").GetString());
    }
}
