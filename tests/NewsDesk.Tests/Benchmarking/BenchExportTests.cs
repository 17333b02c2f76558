using System.Globalization;
using NewsDesk.Benchmarking;
using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Benchmarking;

public sealed class BenchExportTests
{
    [Fact]
    public void Bench_export_times_the_reading_and_the_whole_export_of_every_article()
    {
        using var temp = new TempFolder();
        var path = temp.File("seeded.db");
        using (var store = new LiteDbNewsStore(path))
        {
            SyntheticStore.Seed(store, 300, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
            Assert.Equal(300, ArticleExporter.ReadWithoutWriting(store, new ArticleQuery(), TestContext.Current.CancellationToken));
            Assert.Equal(12, ArticleExporter.ReadWithoutWriting(store, new ArticleQuery { Limit = 12 }, TestContext.Current.CancellationToken));
        }

        var report = ExportScaleBenchmark.Run(path, temp.Path);

        var rows = report.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| run", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row => Assert.Contains("| 300 |", row, StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(temp.Path, "bench-export.csv")));
    }

    [Fact]
    public async Task Bench_export_makes_an_out_dir_that_does_not_exist()
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string>();
        var seed = await CliProcess.RunAsync(temp.Path, env, "bench", "seed", "--db", temp.File("seeded.db"), "--articles", "40");
        Assert.True(seed.ExitCode == 0, seed.Stderr);
        var folder = Path.Combine(temp.Path, "runs", "new");

        var export = await CliProcess.RunAsync(temp.Path, env, "bench", "export", "--db", temp.File("seeded.db"), "--out-dir", folder);

        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Contains("| 40 |", export.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
    }

    [Theory]
    [InlineData(SeedOrder.Ingest)]
    [InlineData(SeedOrder.Shuffled)]
    public void Bench_seed_stores_articles_in_ingest_order_or_in_one_unrelated_to_their_dates(SeedOrder order)
    {
        using var temp = new TempFolder();
        var end = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        using var store = new LiteDbNewsStore(temp.File("seeded.db"));
        SyntheticStore.Seed(store, 200, end, order);

        // The URL carries the position at which the article was stored.
        var stored = store.Query(new ArticleQuery()).OrderBy(a => int.Parse(a.Url.Split('/')[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(200, stored.Count);
        Assert.All(stored, a => Assert.InRange(a.Ingested, end.AddDays(-366), end));
        Assert.All(stored, a => Assert.InRange(a.Ingested - a.Published!.Value, TimeSpan.FromMinutes(5), TimeSpan.FromHours(12)));
        var inIngestOrder = stored.Zip(stored.Skip(1)).All(p => p.First.Ingested < p.Second.Ingested);
        Assert.Equal(order == SeedOrder.Ingest, inIngestOrder);
    }
}
