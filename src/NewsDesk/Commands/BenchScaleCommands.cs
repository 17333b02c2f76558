using System.CommandLine;
using System.Globalization;
using NewsDesk.Benchmarking;

namespace NewsDesk.Commands;

/// <summary>`bench stories`, `bench digest`, `bench queries` and `bench export`: how story matching, the digest, the store's queries and exports scale (docs/benchmarks.md).</summary>
internal static class BenchScaleCommands
{
    public static Command Stories()
    {
        var database = new Option<string?>("--db") { Description = "LiteDB file to grow (must not exist; default a temporary file, deleted after)." };
        var sizes = new Option<string>("--sizes") { Description = "Store sizes to measure at, comma-separated.", DefaultValueFactory = _ => "1000,10000,100000" };
        var sample = new Option<int>("--sample") { Description = "New articles matched at each size.", DefaultValueFactory = _ => 200 };
        var command = new Command("stories", "Grow a store and time story matching per new article at each size (should stay flat).") { database, sizes, sample };
        command.SetAction(parse =>
        {
            var sizeList = parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"--sizes: \"{s}\" is not a positive whole number."))
                .ToList();
            WithDatabase(parse.GetValue(database), path => StoryScaleBenchmark.Run(path, sizeList, Math.Max(1, parse.GetValue(sample)), Console.Out));
            return CommandLine.Success;
        });
        return command;
    }

    public static Command Digest()
    {
        var database = new Option<string?>("--db") { Description = "LiteDB file to create (must not exist; default a temporary file, deleted after)." };
        var articles = new Option<int>("--articles") { Description = "Articles on the digest's day.", DefaultValueFactory = _ => 5000 };
        var background = new Option<int>("--background") { Description = "Articles on earlier days, also in the store.", DefaultValueFactory = _ => 20000 };
        var runs = new Option<int>("--runs") { Description = "Times to make the digest.", DefaultValueFactory = _ => 3 };
        var desks = new Option<int>("--desks") { Description = "Also time every desk's digest for this many desks, each with its own filters.", DefaultValueFactory = _ => 0 };
        var command = new Command("digest", "Make the digest of a day of N articles and time it (query, build, render, store).") { database, articles, background, runs, desks };
        command.SetAction(async (parse, ct) =>
        {
            string? report = null;
            await WithDatabaseAsync(parse.GetValue(database), async path =>
                report = await DigestScaleBenchmark.RunAsync(path, parse.GetValue(articles), parse.GetValue(background), Math.Max(1, parse.GetValue(runs)), ct, Math.Max(0, parse.GetValue(desks))).ConfigureAwait(false)).ConfigureAwait(false);
            Console.Write(report);
            return CommandLine.Success;
        });
        return command;
    }

    public static Command Queries()
    {
        var database = new Option<string>("--db") { Description = "An existing store, e.g. from `bench seed --articles 100000`.", Required = true };
        var command = new Command("queries", "Show LiteDB's plan (index used) for each query behind the digest, export, API and ingest, and time them.") { database };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            Console.Write(File.Exists(path) ? QueryPlanBenchmark.Run(path) : throw new UsageException($"--db {path}: no such file."));
            return CommandLine.Success;
        });
        return command;
    }

    public static Command Export()
    {
        var database = new Option<string>("--db") { Description = "An existing store, e.g. from `bench seed --articles 200000`.", Required = true };
        var output = new Option<string>("--out-dir") { Description = "Folder for the CSV file written (deleted after).", DefaultValueFactory = _ => Path.GetTempPath() };
        var command = new Command("export", "Time a CSV export of every article three ways: the reading alone, into a discarding writer, and into a file.") { database, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            Console.Write(File.Exists(path) ? ExportScaleBenchmark.Run(path, parse.GetValue(output)!) : throw new UsageException($"--db {path}: no such file."));
            return CommandLine.Success;
        });
        return command;
    }

    private static void WithDatabase(string? given, Action<string> run) =>
        WithDatabaseAsync(given, path =>
        {
            run(path);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    private static async Task WithDatabaseAsync(string? given, Func<string, Task> run)
    {
        if (given is not null && File.Exists(given))
        {
            throw new UsageException($"--db {given} exists; this bench fills a new store.");
        }

        var folder = given is null ? Directory.CreateTempSubdirectory("newsdesk-bench-").FullName : null;
        try
        {
            await run(given ?? Path.Combine(folder!, "bench.db")).ConfigureAwait(false);
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
