using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Storage;

namespace NewsDesk.Benchmarking;

/// <summary>
/// `bench ingest`: serves F feeds × I article pages on loopback and ingests them through the worker's own
/// services (FeedPoller → ArticlePipeline: HTTP fetch, extract, tag, summarise, story, LiteDB) into a fresh store,
/// polling feeds in parallel as the Quartz scheduler does (its default thread pool runs 10 jobs at once). Then it
/// parses the same pages with AngleSharp alone, on the same cores, as the floor to compare against.
/// </summary>
internal static class IngestBenchmark
{
    /// <summary>Quartz's default MaxConcurrency: the worker polls at most this many feeds at once.</summary>
    public const int QuartzDefaultConcurrency = 10;
    private const int WarmupFeeds = 2;
    private const int WarmupFirstFeed = 1_000_000;

    public static async Task<IngestResult> RunAsync(IngestSettings settings, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        var site = new BenchSite(settings.Feeds, settings.Items, now, settings.PagesFolder);
        var warmup = new BenchSite(WarmupFeeds, Math.Min(settings.Items, 5), now, settings.PagesFolder, WarmupFirstFeed);
        await using var server = await BenchServer.StartAsync(f => f >= WarmupFirstFeed ? warmup : site, ct).ConfigureAwait(false);
        var hostPerFeed = await BenchServer.LocalhostSubdomainsResolveAsync(ct).ConfigureAwait(false);
        foreach (var s in new[] { site, warmup })
        {
            s.Port = server.Port;
            s.HostPerFeed = hostPerFeed;
        }

        var temp = Path.Combine(Path.GetTempPath(), $"newsdesk-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(temp);
        var database = settings.Database ?? Path.Combine(temp, "bench.db");
        if (File.Exists(database))
        {
            throw new Commands.UsageException($"--db {database} exists; bench ingest measures a fresh store.");
        }

        try
        {
            var feedsFile = Path.Combine(temp, "feeds.json");
            await File.WriteAllTextAsync(feedsFile, FeedsJson(site, warmup), ct).ConfigureAwait(false);
            var overrides = new Dictionary<string, string?>
            {
                ["NewsDesk:FeedsFile"] = feedsFile,
                ["NewsDesk:Storage:Path"] = database,
                ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (settings.EntryConcurrency is { } entries)
            {
                overrides["NewsDesk:Pipeline:EntryConcurrency"] = entries.ToString(CultureInfo.InvariantCulture);
            }

            if (!hostPerFeed)
            {
                // Every feed shares one loopback host here; real feeds are on many hosts, each with its own limit.
                overrides["NewsDesk:Fetch:MaxConnectionsPerHost"] = "64";
            }

            using var host = NewsDeskHost.CreateTool(overrides);
            var poller = host.Services.GetRequiredService<FeedPoller>();
            var pipeline = host.Services.GetRequiredService<ArticlePipeline>();
            var entryConcurrency = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.EntryConcurrency;
            var registry = host.Services.GetRequiredService<FeedRegistry>();
            var feeds = registry.Enabled.Where(f => !f.Id.StartsWith("warmup-", StringComparison.Ordinal)).ToList();

            // Warm-up: JIT, connection pools and the store's first pages, on feeds that are not measured.
            await PollAllAsync(poller, registry.Enabled.Where(f => f.Id.StartsWith("warmup-", StringComparison.Ordinal)), settings.FeedConcurrency, ct).ConfigureAwait(false);
            ParseOnlyBenchmark.Run(warmup, settings.FeedConcurrency * entryConcurrency, ct);
            GC.Collect();
            GC.WaitForPendingFinalizers();

            var timings = new PipelineTimings();
            pipeline.Timings = timings;
            var rssBefore = PeakMemory.CurrentRss();
            var servingBefore = server.ServingTime;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            PollCounts counts;
            TimeSpan elapsed;
            long peak;
            string peakMethod;
            await using (var memory = PeakMemory.Start())
            {
                var started = Stopwatch.GetTimestamp();
                counts = await PollAllAsync(poller, feeds, settings.FeedConcurrency, ct).ConfigureAwait(false);
                elapsed = Stopwatch.GetElapsedTime(started);
                peak = memory.Peak();
                peakMethod = memory.Method;
            }

            pipeline.Timings = null;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var serving = server.ServingTime - servingBefore;
            var stored = host.Services.GetRequiredService<INewsStore>().CountArticles();
            var parse = ParseOnlyBenchmark.Run(site, settings.FeedConcurrency * entryConcurrency, ct);
            return IngestResult.From(settings, site, counts, stored, elapsed, timings, rssBefore, peak, peakMethod, cpu, serving, parse, entryConcurrency, hostPerFeed);
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    private static async Task<PollCounts> PollAllAsync(FeedPoller poller, IEnumerable<FeedDefinition> feeds, int concurrency, CancellationToken ct)
    {
        int created = 0, updated = 0, unchanged = 0, failed = 0, fellBack = 0;
        await Parallel.ForEachAsync(feeds, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (feed, token) =>
        {
            var outcome = await poller.PollAsync(feed, force: true, token).ConfigureAwait(false);
            Interlocked.Add(ref created, outcome.Counts.New);
            Interlocked.Add(ref updated, outcome.Counts.Updated);
            Interlocked.Add(ref unchanged, outcome.Counts.Unchanged);
            Interlocked.Add(ref failed, outcome.Counts.Failed);
            Interlocked.Add(ref fellBack, outcome.Counts.FellBack);
        }).ConfigureAwait(false);
        return new PollCounts { New = created, Updated = updated, Unchanged = unchanged, Failed = failed, FellBack = fellBack };
    }

    /// <summary>The feeds file listing the site's feeds (and the warm-up feeds, when given).</summary>
    internal static string FeedsJson(BenchSite site, BenchSite? warmup)
    {
        var feeds = site.FeedNumbers.Select(f => Feed($"bench-{f}", site.FeedUrl(f), f % 5 == 0 ? "government" : "press"))
            .Concat((warmup?.FeedNumbers ?? []).Select(f => Feed($"warmup-{f}", warmup!.FeedUrl(f), "press")));
        return JsonSerializer.Serialize(new { feeds });

        static object Feed(string id, string url, string kind) =>
            new { id, title = id, url, kind, schedule = new { interval = "00:30:00" }, enabled = true };
    }

    /// <summary>Removes the temporary folder; a file the OS still holds is left for it to clean.</summary>
    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind under /tmp; nothing depends on it.
        }
    }
}
