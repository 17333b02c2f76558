using System.CommandLine;
using System.Diagnostics;
using NewsDesk.Benchmarking;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>`bench seed`: make a synthetic store for measuring export, queries and the digest at scale (docs/benchmarks.md).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = "LiteDB file to create (must not exist).", Required = true };
        var articles = new Option<int>("--articles") { Description = "How many articles.", DefaultValueFactory = _ => 200_000 };
        var order = new Option<SeedOrder>("--order")
        {
            Description = "Ingest: stored in ingest order, as the worker stores them. Shuffled: in an order unrelated to their dates, the slowest to read in date order.",
            DefaultValueFactory = _ => SeedOrder.Ingest,
        };
        var seed = new Command("seed", "Fill a new store with synthetic articles (deterministic).") { database, articles, order };
        seed.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            if (File.Exists(path))
            {
                throw new UsageException($"{path} exists; bench seed only creates new stores.");
            }

            var clock = Stopwatch.StartNew();
            using var store = new LiteDbNewsStore(path);
            var count = SyntheticStore.Seed(store, parse.GetValue(articles), TimeProvider.System.GetUtcNow(), parse.GetValue(order));
            Console.WriteLine($"Seeded {count} articles into {Path.GetFullPath(path)} in {clock.Elapsed.TotalSeconds:0.0} s");
            return CommandLine.Success;
        });
        return new Command("bench", "Benchmark helpers.")
        {
            seed,
            BenchIngestCommand.Create(),
            BenchServeCommand.Create(),
            BenchLoadCommand.Create(),
            BenchScaleCommands.Stories(),
            BenchScaleCommands.Digest(),
            BenchScaleCommands.Queries(),
            BenchScaleCommands.Export(),
        };
    }
}
