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
        var database = new Option<string?>("--db") { Description = "LiteDB file to create (must not exist)." };
        var postgres = new Option<string?>("--postgres") { Description = "Instead of --db: an Npgsql connection string of a PostgreSQL database with no articles yet." };
        var articles = new Option<int>("--articles") { Description = "How many articles.", DefaultValueFactory = _ => 200_000 };
        var order = new Option<SeedOrder>("--order")
        {
            Description = "Ingest: stored in ingest order, as the worker stores them. Shuffled: in an order unrelated to their dates, the slowest to read in date order.",
            DefaultValueFactory = _ => SeedOrder.Ingest,
        };
        var seed = new Command("seed", "Fill a new store with synthetic articles (deterministic).") { database, postgres, articles, order };
        seed.SetAction(parse =>
        {
            var path = parse.GetValue(database);
            var connection = parse.GetValue(postgres);
            if ((path is null) == (connection is null))
            {
                throw new UsageException("bench seed needs one of --db FILE (LiteDB) or --postgres CONNECTION_STRING.");
            }

            if (path is not null && File.Exists(path))
            {
                throw new UsageException($"{path} exists; bench seed only creates new stores.");
            }

            var clock = Stopwatch.StartNew();
            using INewsStore store = path is null ? new PostgresNewsStore(connection!) : new LiteDbNewsStore(path);
            if (store.CountArticles() > 0)
            {
                throw new UsageException($"{store.Location} already holds articles; bench seed only fills empty stores.");
            }

            var count = SyntheticStore.Seed(store, parse.GetValue(articles), TimeProvider.System.GetUtcNow(), parse.GetValue(order));
            Console.WriteLine($"Seeded {count} articles into {(path is null ? store.Location : Path.GetFullPath(path))} in {clock.Elapsed.TotalSeconds:0.0} s");
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
