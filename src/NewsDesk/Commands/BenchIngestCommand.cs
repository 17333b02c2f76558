using System.CommandLine;
using NewsDesk.Benchmarking;

namespace NewsDesk.Commands;

/// <summary>`bench ingest`: end-to-end ingest throughput, latency, memory and per-stage time on loopback (docs/benchmarks/performance.md).</summary>
internal static class BenchIngestCommand
{
    public static Command Create()
    {
        var feeds = new Option<int>("--feeds") { Description = "Feeds to serve (F).", DefaultValueFactory = _ => 100 };
        var items = new Option<int>("--items") { Description = "Items per feed (I), each linking its own article page.", DefaultValueFactory = _ => 10 };
        var pages = new Option<string?>("--pages") { Description = "Serve saved pages (.html or .html.gz) from this folder in turn instead of generated ones." };
        var database = new Option<string?>("--db") { Description = "LiteDB file to ingest into (must not exist; default a temporary file, deleted after)." };
        var feedConcurrency = new Option<int>("--feed-concurrency") { Description = "Feeds polled at once (the worker's Quartz default is 10).", DefaultValueFactory = _ => IngestBenchmark.QuartzDefaultConcurrency };
        var entryConcurrency = new Option<int?>("--entry-concurrency") { Description = "Pages of one feed fetched at once (default: NewsDesk:Pipeline:EntryConcurrency)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON instead of a table." };
        var command = new Command("ingest", "Serve F feeds × I article pages on loopback, ingest them through the real pipeline into a fresh store, and report throughput, latency, peak RSS, time per stage and the ratio to AngleSharp parse-only.")
        {
            feeds, items, pages, database, feedConcurrency, entryConcurrency, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new IngestSettings
            {
                Feeds = Positive(parse.GetValue(feeds), "--feeds"),
                Items = Positive(parse.GetValue(items), "--items"),
                PagesFolder = parse.GetValue(pages) is { } folder && !Directory.Exists(folder) ? throw new UsageException($"--pages {folder}: no such folder.") : parse.GetValue(pages),
                Database = parse.GetValue(database),
                FeedConcurrency = Positive(parse.GetValue(feedConcurrency), "--feed-concurrency"),
                EntryConcurrency = parse.GetValue(entryConcurrency),
            };
            var result = await IngestBenchmark.RunAsync(settings, ct).ConfigureAwait(false);
            Console.Write(parse.GetValue(json) ? result.ToJson() + Environment.NewLine : result.ToTable());
            return result.New > 0 ? CommandLine.Success : CommandLine.Failure;
        });
        return command;
    }

    /// <summary>A count option's value, refused below 1 (shared by the bench commands).</summary>
    internal static int Positive(int value, string name) => value > 0 ? value : throw new UsageException($"{name} must be at least 1.");
}
