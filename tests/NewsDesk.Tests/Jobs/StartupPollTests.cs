using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Jobs;

/// <summary>More feeds than Quartz has threads, each slow to answer: every feed is still polled once at start.</summary>
public sealed class StartupPollTests
{
    private const int Feeds = 60;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Every_feed_is_polled_at_start_even_when_the_first_polls_queue_past_the_misfire_threshold()
    {
        // 60 feeds, 1.5 s each, 10 at a time: the last ones start some 7.5 s late, past Quartz's 5 s misfire threshold.
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{n:int}", async (int n, HttpContext c) =>
        {
            await Task.Delay(1500, c.RequestAborted);
            return Results.Text($"""<rss version="2.0"><channel><title>Feed {n}</title><link>https://example.org/</link><description>d</description></channel></rss>""", "application/rss+xml");
        }));
        using var temp = new TempFolder();
        var feeds = Enumerable.Range(0, Feeds).Select(n =>
            $$"""{ "id": "f{{n}}", "title": "F{{n}}", "url": "{{server.Url($"feed/{n}")}}", "kind": "press", "schedule": { "interval": "00:30:00" } }""");
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{string.Join(",\n", feeds)}} ] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["NewsDesk:Fetch:MaxConnectionsPerHost"] = "64",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var polled = 0;
            for (var i = 0; i < 120 && polled < Feeds; i++)
            {
                await Task.Delay(500, ct);
                polled = store.FeedStates().Count(s => s.LastSuccess is not null);
            }

            Assert.Equal(Feeds, polled);
            await app.StopAsync(ct);
        }
    }
}
