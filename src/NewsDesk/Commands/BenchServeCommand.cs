using System.CommandLine;
using NewsDesk.Benchmarking;

namespace NewsDesk.Commands;

/// <summary>
/// `bench serve`: the pages and feeds of `bench ingest`, served on loopback from their own process, with a feeds file
/// for a real worker. A worker run against it is measured alone: its memory holds no server and no generated pages
/// (bench/worker-rss.sh).
/// </summary>
internal static class BenchServeCommand
{
    public static Command Create()
    {
        var feeds = new Option<int>("--feeds") { Description = "Feeds to serve (F).", DefaultValueFactory = _ => 1000 };
        var items = new Option<int>("--items") { Description = "Items per feed (I).", DefaultValueFactory = _ => 1 };
        var feedsFile = new Option<string>("--feeds-file") { Description = "Where to write the feeds file for the worker.", Required = true };
        var command = new Command("serve", "Serve F feeds × I generated article pages on 127.0.0.1 until stopped, and write a feeds file listing them.")
        {
            feeds, items, feedsFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var site = new BenchSite(BenchIngestCommand.Positive(parse.GetValue(feeds), "--feeds"), BenchIngestCommand.Positive(parse.GetValue(items), "--items"), TimeProvider.System.GetUtcNow(), pagesFolder: null);
            await using var server = await BenchServer.StartAsync(_ => site, ct).ConfigureAwait(false);
            site.Port = server.Port;
            site.HostPerFeed = await BenchServer.LocalhostSubdomainsResolveAsync(ct).ConfigureAwait(false);
            var path = Path.GetFullPath(parse.GetValue(feedsFile)!);
            await File.WriteAllTextAsync(path, IngestBenchmark.FeedsJson(site, warmup: null), ct).ConfigureAwait(false);
            Console.WriteLine($"Serving {site.Feeds} feeds × {site.Items} items on 127.0.0.1:{server.Port}; feeds file: {path}");
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped (Ctrl+C or SIGTERM): the normal end.
            }

            Console.WriteLine($"Served {server.Requests} requests.");
            return CommandLine.Success;
        });
        return command;
    }
}
