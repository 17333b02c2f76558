using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsDesk.Exports;
using NewsDesk.Storage;

namespace NewsDesk.Benchmarking;

/// <summary>
/// `bench export`: on an existing store (e.g. `bench seed --articles 200000`), a CSV export of every article timed
/// three ways, each run twice: reading alone (what the export reads, on its reading thread, nothing written), the
/// whole export into a writer that discards (no disk), and the whole export into a file. It shows how much of an
/// export is the reading, and what the disk adds.
/// </summary>
internal static class ExportScaleBenchmark
{
    public static string Run(string database, string outputFolder)
    {
        var report = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        using var store = new LiteDbNewsStore(database);
        report.AppendLine(c, $"bench export: every article of {database} as CSV; {Environment.ProcessorCount} cores");
        report.AppendLine("| run | rows | wall s | CPU s | rows/s |");
        report.AppendLine("|---|---|---|---|---|");
        // Made like `export --out` would make its file's place: a folder named for the run need not exist yet.
        Directory.CreateDirectory(outputFolder);
        var file = Path.Combine(outputFolder, "bench-export.csv");
        var query = new ArticleQuery();
        for (var pass = 1; pass <= 2; pass++)
        {
            Time(report, $"reading alone ({pass})", () => ArticleExporter.ReadWithoutWriting(store, query));
            Time(report, $"CSV to a discarding writer ({pass})", () => ArticleExporter.Write(store, query, ExportFormat.Csv, TextWriter.Null));
            Time(report, $"CSV to a file ({pass})", () =>
            {
                using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false), 1 << 16);
                return ArticleExporter.Write(store, query, ExportFormat.Csv, writer);
            });
        }

        File.Delete(file);
        return report.ToString();
    }

    private static void Time(StringBuilder report, string label, Func<int> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = run();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds;
        report.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {rows:N0} | {wall:0.00} | {used:0.00} | {rows / wall:N0} |");
    }
}
