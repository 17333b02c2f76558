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
        using (var store = new NewsStore(path))
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
}
