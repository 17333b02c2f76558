using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Hosting;

/// <summary>The worker's /metrics in Prometheus text after real Quartz polls of loopback feeds.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_endpoint_shows_polls_articles_fallbacks_and_stage_durations_after_a_poll()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = feeds.FeedsFile,
            ["NewsDesk:Storage:Path"] = temp.File("news.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (store.FeedStates().Count(s => s.LastSuccess is not null) < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "the poll jobs did not all run in time");
                await Task.Delay(200, ct);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(address + "/metrics"), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            await app.StopAsync(ct);

            Assert.True(response.IsSuccessStatusCode, text);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            // At least, not exactly: OpenTelemetry listens to every Meter named "NewsDesk" in the process, and other
            // tests may run workers at the same time.
            Assert.True(Sum(text, "newsdesk_feed_polls_total") >= 3, text);
            Assert.True(Sum(text, "newsdesk_articles_total", "outcome=\"new\"") >= SampleFeeds.EntryCount, text);
            Assert.True(Sum(text, "newsdesk_extraction_fallbacks_total") >= 1, text);
            foreach (var stage in new[] { "poll", "lookup", "fetch", "extract", "tag", "summarise", "story_match", "store" })
            {
                Assert.True(Sum(text, "newsdesk_stage_duration_seconds_count", $"stage=\"{stage}\"") > 0, $"no duration recorded for stage {stage}");
            }

            // Buckets in seconds, the unit the values are in (OpenTelemetry's defaults, 0, 5, 10 ... 10000, are sized
            // for milliseconds): tagging one article takes well under 0.1 s, a poll of a loopback feed more than a
            // millisecond and less than a minute. At least, again: other workers in the process record too.
            var polls = Sum(text, "newsdesk_stage_duration_seconds_count", "stage=\"poll\"");
            Assert.True(Sum(text, "newsdesk_stage_duration_seconds_bucket", "stage=\"tag\",le=\"0.1\"") > 0, text);
            Assert.True(Sum(text, "newsdesk_stage_duration_seconds_bucket", "stage=\"poll\",le=\"0.001\"") < polls, text);
            Assert.True(Sum(text, "newsdesk_stage_duration_seconds_bucket", "stage=\"poll\",le=\"60\"") > 0, text);
            // The help text names the stages recorded today.
            var help = text.Split('\n').Single(l => l.StartsWith("# HELP newsdesk_stage_duration_seconds ", StringComparison.Ordinal));
            foreach (var stage in new[] { "poll", "lookup", "fetch", "extract", "tag", "summarise", "story_lock_wait", "story_match", "store", "digest" })
            {
                Assert.Contains(stage, help, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("fetch_extract", help, StringComparison.Ordinal);

            // The runtime's own meter, for watching memory: the process, and what the GC holds.
            Assert.True(Sum(text, "dotnet_process_memory_working_set_bytes") > 0, text);
            Assert.True(Sum(text, "dotnet_gc_heap_total_allocated_bytes_total") > 0, text);
        }
    }

    /// <summary>Sums the samples of one Prometheus metric whose labels include <paramref name="label"/>; 0 when absent.</summary>
    private static double Sum(string exposition, string metric, string label = "")
    {
        var total = 0.0;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length || line[metric.Length] is not (' ' or '{') || !line.Contains(label, StringComparison.Ordinal))
            {
                continue;
            }

            var value = line[(Math.Max(line.LastIndexOf('}'), metric.Length - 1) + 1)..].Trim().Split(' ')[0];
            total += double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }
}
