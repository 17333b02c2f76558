using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>
/// `demo`: the whole pipeline with no internet. Serves samples/ on loopback, ingests it through the real fetch
/// path (loopback allowed explicitly), writes the digest to ./out/ and says where everything is.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = "LiteDB file for the demo.", DefaultValueFactory = _ => "data/demo.db" };
        var output = new Option<string>("--out") { Description = "Folder for the digest files.", DefaultValueFactory = _ => "out" };
        var serveOnly = new Option<bool>("--serve-only") { Description = "Only serve the samples (and write a feeds file pointing at them) until stopped, e.g. to point a worker or container at." };
        var port = new Option<int>("--port") { Description = "Port for --serve-only (default: any free port).", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "Run the whole pipeline offline on the sample feeds and pages, and write the digest to ./out/.") { database, output, serveOnly, port };
        command.SetAction((parse, ct) => parse.GetValue(serveOnly)
            ? ServeAsync(parse.GetValue(port), ct)
            : RunAsync(parse.GetValue(database)!, parse.GetValue(output)!, ct));
        return command;
    }

    private static async Task<int> ServeAsync(int port, CancellationToken ct)
    {
        var samples = SampleServer.FindSamples() ?? throw new UsageException("samples/feeds.json not found; run the demo from the repository folder.");
        await using var server = await SampleServer.StartAsync(samples, ct, port).ConfigureAwait(false);
        var feedsFile = Path.GetFullPath(Path.Combine(Path.GetTempPath(), $"newsdesk-demo-feeds-{server.Port}.json"));
        await File.WriteAllTextAsync(feedsFile, server.Rewrite(await File.ReadAllTextAsync(Path.Combine(samples, "feeds.json"), ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
        Console.WriteLine($"Serving the sample feeds and pages at {server.Origin}");
        Console.WriteLine($"Feeds file: {feedsFile}");
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop serving.
        }

        return CommandLine.Success;
    }

    private static async Task<int> RunAsync(string database, string output, CancellationToken ct)
    {
        var samples = SampleServer.FindSamples() ?? throw new UsageException("samples/feeds.json not found; run the demo from the repository folder.");
        await using var server = await SampleServer.StartAsync(samples, ct).ConfigureAwait(false);
        var feedsFile = Path.Combine(Path.GetTempPath(), $"newsdesk-demo-feeds-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(feedsFile, server.Rewrite(await File.ReadAllTextAsync(Path.Combine(samples, "feeds.json"), ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
        try
        {
            using var host = NewsDeskHost.CreateTool(new Dictionary<string, string?>
            {
                ["NewsDesk:FeedsFile"] = feedsFile,
                ["NewsDesk:Storage:Path"] = database,
                ["NewsDesk:Digest:OutputFolder"] = output,
                ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            });
            Console.WriteLine($"Serving the sample feeds and pages at {server.Origin}");
            var poller = host.Services.GetRequiredService<FeedPoller>();
            foreach (var feed in host.Services.GetRequiredService<FeedRegistry>().Enabled)
            {
                var outcome = await poller.PollAsync(feed, force: true, ct).ConfigureAwait(false);
                Console.WriteLine($"  {feed.Id}: {outcome.Counts.New} new, {outcome.Counts.Updated} updated, {outcome.Counts.Unchanged} unchanged, {outcome.Counts.Failed} failed, {outcome.Counts.FellBack} kept the feed's text{(outcome.Error is null ? "" : " — " + outcome.Error)}");
            }

            var store = host.Services.GetRequiredService<INewsStore>();
            var options = host.Services.GetRequiredService<IOptions<DigestOptions>>().Value;
            var day = DigestDay(store, options, host.Services.GetRequiredService<TimeProvider>());
            var published = await host.Services.GetRequiredService<DigestPublisher>().PublishAsync(day, ct: ct).ConfigureAwait(false);
            Console.WriteLine($"Database: {store.Location} ({store.CountArticles()} articles)");
            Console.WriteLine($"Digest for {published.Digest.Date}: {published.Digest.Coverage}");
            foreach (var file in published.Files)
            {
                Console.WriteLine($"  {file}");
            }

            return CommandLine.Success;
        }
        finally
        {
            File.Delete(feedsFile);
        }
    }

    /// <summary>Today, or, when the samples hold nothing dated today, the newest day they do hold.</summary>
    private static DateOnly DigestDay(INewsStore store, DigestOptions options, TimeProvider time)
    {
        var today = options.Today(time);
        var days = store.Query(new ArticleQuery())
            .Select(a => options.DayOf(a.EffectiveDate))
            .ToHashSet();
        if (days.Contains(today) || days.Count == 0)
        {
            return today;
        }

        var newest = days.Max();
        Console.WriteLine($"No sample article is dated today ({today:yyyy-MM-dd}); the digest covers {newest:yyyy-MM-dd}, the newest day in the samples.");
        return newest;
    }
}
