using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using Parquet.Serialization;

namespace NewsDesk.Tests.Exports;

public sealed class ExportCommandTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Parquet_round_trips_with_list_columns_across_row_groups()
    {
        using var temp = new TempFolder();
        var articles = Enumerable.Range(0, ParquetArticleWriter.RowGroupSize + 7)
            .Select(i => Articles.Make($"a{i}", $"Story {i}", Day.AddMinutes(i), i % 2 == 0 ? ["bilateral", "safety_ethics"] : []))
            .ToList();

        await using (var file = File.Create(temp.File("out.parquet")))
        {
            Assert.Equal(articles.Count, await ParquetArticleWriter.WriteAsync(articles, file, ct: TestContext.Current.CancellationToken));
        }

        await using var read = File.OpenRead(temp.File("out.parquet"));
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetExportRow>(read, cancellationToken: TestContext.Current.CancellationToken)).Data;
        Assert.Equal(articles.Count, rows.Count);
        Assert.Equal(["bilateral", "safety_ethics"], rows[0].themes);
        Assert.Empty(rows[1].themes);
        Assert.Equal(["United Kingdom", "India"], rows[0].parties);
        Assert.Equal(Day.UtcDateTime, rows[0].published);
        Assert.Equal(articles[^1].Url, rows[^1].url);
        Assert.Contains("memorandum", rows[0].evidence);
    }

    [Fact]
    public async Task Csv_and_jsonl_from_the_cli_hold_what_the_store_holds()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"]));
            store.Save(Articles.Make("a2", "ISO code", Day, ["standards"]));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var csv = await CliProcess.RunAsync(temp.Path, env, "export", "--theme", "bilateral", "--format", "csv");
        var jsonl = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "jsonl", "--out", temp.File("all.jsonl"));

        Assert.Equal(0, csv.ExitCode);
        Assert.Equal(2, csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("UK and India sign AI memorandum", csv.Stdout);
        Assert.DoesNotContain("[", csv.Stderr);
        Assert.Equal(0, jsonl.ExitCode);
        Assert.Equal(2, File.ReadAllLines(temp.File("all.jsonl")).Length);
    }

    [Fact]
    public async Task Export_while_the_store_is_held_says_how_to_use_the_api_and_changes_nothing()
    {
        using var temp = new TempFolder();
        using var held = new LiteDbNewsStore(temp.File("n.db"));
        held.Save(Articles.Make("a1", "one", Day));
        // The held file cannot be read here either (its lock refuses every other open), so its size and time stand in.
        var before = (new FileInfo(temp.File("n.db")).Length, File.GetLastWriteTimeUtc(temp.File("n.db")));

        var result = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") }, "export");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/api/articles?format=csv", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(before, (new FileInfo(temp.File("n.db")).Length, File.GetLastWriteTimeUtc(temp.File("n.db"))));
    }

    [Fact]
    public async Task Parquet_to_a_pipe_is_bad_usage()
    {
        using var temp = new TempFolder();

        var result = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") }, "export", "--format", "parquet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Stderr);
    }
}
