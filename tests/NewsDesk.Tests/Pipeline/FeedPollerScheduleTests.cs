using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>The next check after a success comes from the feed's ttl or the HTTP freshness headers, and a poll fired before it skips the network.</summary>
public sealed class FeedPollerScheduleTests
{
    [Fact]
    public async Task Rss_ttl_holds_back_polls_until_it_has_passed_also_after_a_304()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            c.Response.Headers.ETag = "\"v1\"";
            return c.Request.Headers.IfNoneMatch == "\"v1\""
                ? Results.StatusCode(304)
                : Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/"), extra: "<ttl>60</ttl>"), "application/rss+xml");
        }));
        using var harness = new PollerHarness();
        var feed = PollerHarness.Feed(server.Url("feed"), interval: TimeSpan.FromMinutes(15));

        await harness.PollAsync(feed);
        Assert.Equal(PollerHarness.Start.AddMinutes(60), harness.State().NextAttempt);
        Assert.Equal("ttl", harness.State().NextAttemptReason);
        Assert.Equal(60, harness.State().TtlMinutes);

        var requests = server.Requests;
        for (var fire = 1; fire <= 3; fire++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(15));
            Assert.True((await harness.PollAsync(feed)).Skipped, $"fire at +{fire * 15} min");
        }

        Assert.Equal(requests, server.Requests);

        // At +60 min the poll goes out; the server answers 304 and the stored ttl still applies.
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.False((await harness.PollAsync(feed)).Skipped);
        Assert.Equal(requests + 1, server.Requests);
        Assert.Equal(PollerHarness.Start.AddMinutes(120), harness.State().NextAttempt);
        Assert.Equal("ttl", harness.State().NextAttemptReason);
    }

    [Theory]
    [InlineData("max-age=7200", null, 120, "max-age")]
    [InlineData(null, 10800, 180, "expires")]
    [InlineData("max-age=31536000", null, 1440, "max-age")] // a year, clamped to MaxPollInterval (1 day)
    [InlineData("max-age=60", null, 15, "schedule")] // shorter than the schedule: the schedule stands
    public async Task Http_freshness_sets_the_next_check_within_the_configured_bounds(string? cacheControl, int? expiresInSeconds, int expectedMinutes, string reason)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            if (cacheControl is not null)
            {
                c.Response.Headers.CacheControl = cacheControl;
            }

            if (expiresInSeconds is { } seconds)
            {
                var date = DateTimeOffset.UtcNow;
                c.Response.Headers.Date = date.ToString("R");
                c.Response.Headers.Expires = date.AddSeconds(seconds).ToString("R");
            }

            return Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/")), "application/rss+xml");
        }));
        using var harness = new PollerHarness(new() { ["NewsDesk:Pipeline:MaxPollInterval"] = "1.00:00:00" });

        await harness.PollAsync(PollerHarness.Feed(server.Url("feed"), interval: TimeSpan.FromMinutes(15)));

        var state = harness.State();
        Assert.Equal(reason, state.NextAttemptReason);
        Assert.InRange(state.NextAttempt!.Value - PollerHarness.Start, TimeSpan.FromMinutes(expectedMinutes) - TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(expectedMinutes));
    }

    [Fact]
    public async Task A_forced_poll_ignores_the_hint()
    {
        var feedRequests = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            Interlocked.Increment(ref feedRequests);
            return Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/"), extra: "<ttl>600</ttl>"), "application/rss+xml");
        }));
        using var harness = new PollerHarness();
        var feed = PollerHarness.Feed(server.Url("feed"));

        await harness.PollAsync(feed);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var forced = await harness.Poller.PollAsync(feed, force: true, TestContext.Current.CancellationToken);

        Assert.False(forced.Skipped);
        Assert.Equal(2, feedRequests);
    }
}
