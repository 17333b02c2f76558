using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Pipeline;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// Politeness end to end: the real FeedPoller against a Kestrel server on 127.0.0.1 that answers 304, 429 and 503
/// with Retry-After, 500, slowly, or with redirects. Time is a <see cref="ManualTime"/>, so "later" is exact.
/// </summary>
public sealed class FeedPollerPolitenessTests
{
    [Fact]
    public async Task A_304_costs_no_parsing_and_adds_no_articles()
    {
        string? ifNoneMatch = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            ifNoneMatch = c.Request.Headers.IfNoneMatch;
            c.Response.Headers.ETag = "\"v1\"";
            return ifNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/")), "application/rss+xml");
        }));
        using var harness = new PollerHarness();
        var feed = PollerHarness.Feed(server.Url("feed"));

        var first = await harness.PollAsync(feed);
        var parses = harness.Parses;
        var articles = harness.Store.CountArticles();
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await harness.PollAsync(feed);

        Assert.Equal(1, first.Counts.New);
        Assert.Equal("\"v1\"", ifNoneMatch);
        Assert.False(second.Skipped);
        Assert.Equal(0, second.Counts.New + second.Counts.Updated + second.Counts.Unchanged + second.Counts.Failed);
        Assert.Equal(parses, harness.Parses);
        Assert.Equal(articles, harness.Store.CountArticles());
        Assert.Equal(PollerHarness.Start.AddMinutes(15), harness.State().LastSuccess);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_is_honoured_and_a_poll_before_it_makes_no_request(int status)
    {
        var busy = true;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            if (busy)
            {
                c.Response.Headers.RetryAfter = "600";
                return Results.StatusCode(status);
            }

            return Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/")), "application/rss+xml");
        }));
        using var harness = new PollerHarness();
        var feed = PollerHarness.Feed(server.Url("feed"), interval: TimeSpan.FromMinutes(5));

        var refused = await harness.PollAsync(feed);
        var state = harness.State();
        Assert.NotNull(refused.Error);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Equal("http_" + status, state.LastErrorKind);
        Assert.Equal(PollerHarness.Start.AddSeconds(600), state.NextAttempt);
        Assert.Equal(NextCheck.RetryAfter, state.NextAttemptReason);

        // The schedule fires again after 5 minutes: still inside Retry-After, so no request is made.
        var requests = server.Requests;
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var early = await harness.PollAsync(feed);
        Assert.True(early.Skipped);
        Assert.Equal(requests, server.Requests);

        busy = false;
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var after = await harness.PollAsync(feed);
        Assert.False(after.Skipped);
        Assert.Null(after.Error);
        Assert.Equal(0, harness.State().ConsecutiveFailures);
    }

    [Fact]
    public async Task Server_errors_back_off_exponentially_and_the_state_says_why()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Results.StatusCode(500)));
        using var harness = new PollerHarness(new() { ["NewsDesk:Pipeline:BaseBackoff"] = "00:01:00", ["NewsDesk:Pipeline:MaxBackoff"] = "06:00:00" });
        var feed = PollerHarness.Feed(server.Url("feed"));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var outcome = await harness.PollAsync(feed);
            Assert.False(outcome.Skipped);
            var state = harness.State();
            var now = harness.Time.GetUtcNow();
            waits.Add(state.NextAttempt!.Value - now);
            harness.Time.Advance(state.NextAttempt.Value - now);
        }

        var last = harness.State();
        Assert.Equal(3, last.ConsecutiveFailures);
        Assert.Equal("http_500", last.LastErrorKind);
        Assert.Contains("HTTP 500", last.LastError);
        Assert.Equal(NextCheck.Backoff, last.NextAttemptReason);
        Assert.Null(last.LastSuccess);

        // 1, 2, 4 minutes with ±20 % jitter: each wait is longer than the one before.
        Assert.InRange(waits[0], TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));
        Assert.True(waits[1] > waits[0] && waits[2] > waits[1], string.Join(", ", waits));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(192), TimeSpan.FromSeconds(288));
    }

    [Fact]
    public async Task A_slow_feed_times_out_as_an_error_and_does_not_stall_another_feed()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/slow", async (HttpContext c) =>
            {
                await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted));
                return Results.Text("<rss/>", "application/rss+xml");
            });
            app.MapGet("/fast", (HttpContext c) => Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/")), "application/rss+xml"));
            app.MapGet("/pages/{id}", () => Results.NotFound());
        });
        using var harness = new PollerHarness(new() { ["NewsDesk:Fetch:Timeout"] = "00:00:08" });

        // The slow feed holds its request open until it times out; the fast feed on the same host is polled meanwhile.
        var slow = harness.PollAsync(PollerHarness.Feed(server.Url("slow"), id: "slow"));
        var fast = await harness.PollAsync(PollerHarness.Feed(server.Url("fast"), id: "fast"));
        var slowWasPending = !slow.IsCompleted;
        var slowOutcome = await slow;
        release.TrySetResult();

        Assert.Null(fast.Error);
        Assert.Equal(1, fast.Counts.New);
        Assert.True(slowWasPending, "the fast feed waited for the slow one");
        Assert.NotNull(slowOutcome.Error);
        var state = harness.State("slow");
        Assert.Equal("timeout", state.LastErrorKind);
        Assert.Contains("did not answer within 8 s", state.LastError);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Equal(NextCheck.Backoff, state.NextAttemptReason);
    }

    [Fact]
    public async Task Redirects_are_followed_and_only_a_permanent_one_is_recorded()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new", permanent: true));
            app.MapGet("/elsewhere", () => Results.Redirect("/new", permanent: false));
            app.MapGet("/new", (HttpContext c) => Results.Text(PollerHarness.Rss(new Uri(c.Request.Scheme + "://" + c.Request.Host + "/")), "application/rss+xml"));
        });
        using var harness = new PollerHarness();

        var moved = await harness.PollAsync(PollerHarness.Feed(server.Url("old"), id: "moved"));
        var temporary = await harness.PollAsync(PollerHarness.Feed(server.Url("elsewhere"), id: "temporary"));

        Assert.Null(moved.Error);
        Assert.Equal(1, moved.Counts.New);
        Assert.Equal(server.Url("new").AbsoluteUri, harness.State("moved").MovedTo);
        Assert.Null(temporary.Error);
        Assert.Null(harness.State("temporary").MovedTo);
    }
}
