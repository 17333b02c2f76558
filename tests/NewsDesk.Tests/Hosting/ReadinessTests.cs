using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Hosting;

/// <summary>/readyz of the real worker, with real Quartz polls of loopback feeds that fail or succeed.</summary>
public sealed class ReadinessTests
{
    private const string Rss = """<rss version="2.0"><channel><title>Good</title><link>https://example.org/</link><description>d</description></channel></rss>""";

    [Fact]
    public async Task Readyz_is_not_ready_when_every_feed_fails_after_the_grace_period()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{n:int}", (int n) => Results.StatusCode(404)));
        var (status, body) = await ReadinessAfterFirstPollsAsync(server, ["a", "b"], grace: "00:00:01");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Unhealthy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_stays_ready_while_one_feed_succeeds_and_during_the_grace_period()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{n:int}", (int n) => n == 0 ? Results.Text(Rss, "application/rss+xml") : Results.StatusCode(404)));
        var (oneGood, _) = await ReadinessAfterFirstPollsAsync(server, ["good", "bad"], grace: "00:00:00");
        await using var failing = await LoopbackServer.StartAsync(app => app.MapGet("/feed/{n:int}", (int n) => Results.StatusCode(404)));
        var (inGrace, _) = await ReadinessAfterFirstPollsAsync(failing, ["a"], grace: "01:00:00");

        Assert.Equal(HttpStatusCode.OK, oneGood);
        Assert.Equal(HttpStatusCode.OK, inGrace);
    }

    /// <summary>Starts a worker on feeds/0, feeds/1..., waits until every feed has been polled and the grace has passed, then asks /readyz.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> ReadinessAfterFirstPollsAsync(LoopbackServer server, string[] ids, string grace)
    {
        using var temp = new TempFolder();
        var feeds = ids.Select((id, n) => $$"""{ "id": "{{id}}", "title": "{{id}}", "url": "{{server.Url($"feed/{n}")}}", "kind": "press", "schedule": { "interval": "00:30:00" } }""");
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{string.Join(",\n", feeds)}} ] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["NewsDesk:ReadinessGrace"] = grace,
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            await app.StartAsync(ct);
            var started = DateTime.UtcNow;
            var store = app.Services.GetRequiredService<INewsStore>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (store.FeedStates().Count(s => s.TotalPolls > 0) < ids.Length)
            {
                Assert.True(DateTime.UtcNow < deadline, "the first polls did not run in time");
                await Task.Delay(100, ct);
            }

            // Past a one-second grace whatever the polls took (the grace counts from the scheduler's start, before this).
            var wait = started.AddSeconds(2) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(address + "/readyz"), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            await app.StopAsync(ct);
            return (response.StatusCode, body);
        }
    }
}
