using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// Per-source settings end to end: feeds.json entries read by the real catalogue, polled by the real poller against a
/// Kestrel server on 127.0.0.1 that checks the token, User-Agent and cookie, and serves pages with a known article body.
/// </summary>
public sealed class SourceSettingsPollTests
{
    private static readonly string Story = string.Join(' ', Enumerable.Repeat("The ministry set out a new programme of cooperation with its partners in the region.", 6));

    private static readonly string Page = $"""
        <!doctype html><html><head><title>Page</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div class="layout"><aside class="related">{string.Join(' ', Enumerable.Repeat("Related reading elsewhere on the site about other matters entirely.", 8))}</aside>
        <div class="release"><p>{Story}</p><div class="share">Share this page on social media</div></div></div>
        </body></html>
        """;

    [Fact]
    public async Task A_token_from_the_environment_user_agent_and_cookie_reach_the_server_for_feed_and_page()
    {
        var variable = "NEWSDESK_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "s3cret");
        var seen = new List<string>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (c, next) =>
            {
                seen.Add($"{c.Request.Path} {c.Request.Headers["X-Token"]} {c.Request.Headers.UserAgent} {c.Request.Headers.Cookie}");
                if (c.Request.Headers["X-Token"] != "s3cret")
                {
                    c.Response.StatusCode = 401;
                    return;
                }

                await next(c);
            });
            app.MapGet("/feed", (HttpContext c) => Results.Text(PollerHarness.Rss(Base(c)), "application/rss+xml"));
            app.MapGet("/pages/a", () => Results.Text(Page, "text/html"));
        });
        var feed = Load(server, $$"""
            "headers": { "X-Token": "${{{variable}}}" }, "userAgent": "DeskBot/1.0 (+desk@example.org)", "cookies": { "consent": "yes" }
            """);
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(feed);

        Assert.Equal(1, outcome.Counts.New);
        Assert.Equal(0, outcome.Counts.FellBack);
        Assert.Contains("/feed s3cret DeskBot/1.0 (+desk@example.org) consent=yes", seen);
        Assert.Contains("/pages/a s3cret DeskBot/1.0 (+desk@example.org) consent=yes", seen);
        Assert.DoesNotContain("s3cret", feed.ToString(), StringComparison.Ordinal);
        Assert.Contains("X-Token: ***", feed.Settings.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_does_not_go_to_a_page_on_another_port_of_the_same_host()
    {
        var seen = new List<string>();
        await using var other = await LoopbackServer.StartAsync(app => app.MapGet("/pages/a", (HttpContext c) =>
        {
            lock (seen)
            {
                seen.Add($"{c.Request.Path} token={c.Request.Headers["X-Token"]} cookie={c.Request.Headers.Cookie}");
            }

            return Results.Text(Page, "text/html");
        }));
        // The feed is on 127.0.0.1 too, on its own port: its item links to the other server's page.
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/feed", () => Results.Text(PollerHarness.Rss(other.Url("")), "application/rss+xml")));
        var feed = Load(server, """ "headers": { "X-Token": "s3cret" }, "cookies": { "session": "abc" } """);
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(feed);

        Assert.Equal(1, outcome.Counts.New);
        Assert.Equal(["/pages/a token= cookie="], seen);
    }

    [Fact]
    public async Task Without_the_token_the_server_refuses_and_the_poll_fails_with_the_status()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
            c.Request.Headers["X-Token"] == "s3cret" ? Results.Text(PollerHarness.Rss(Base(c)), "application/rss+xml") : Results.StatusCode(401)));
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(Load(server, "\"maxItems\": 5"));

        Assert.Contains("HTTP 401", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extraction_selector_that_matches_gives_exactly_that_body_minus_the_removed_parts()
    {
        await using var server = await PageServer();
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(Load(server, """ "extract": { "body": ".release", "remove": [".share"] } """));

        Assert.Equal((1, 0), (outcome.Counts.New, outcome.Counts.FellBack));
        var article = harness.Store.FindByUrl(server.Url("pages/a").AbsoluteUri)!;
        Assert.Equal(Story, article.Text.Trim());
        Assert.Equal("page", article.TextSource);
    }

    [Fact]
    public async Task An_extraction_selector_that_finds_nothing_falls_back_to_the_generic_extractor()
    {
        await using var server = await PageServer();
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(Load(server, """ "extract": { "body": "article.no-such-class" } """));

        Assert.Equal((1, 0), (outcome.Counts.New, outcome.Counts.FellBack));
        var article = harness.Store.FindByUrl(server.Url("pages/a").AbsoluteUri)!;
        Assert.Contains(Story, article.Text, StringComparison.Ordinal);
        Assert.NotEqual(Story, article.Text.Trim());
        Assert.Equal("page", article.TextSource);
    }

    [Fact]
    public async Task Max_items_caps_the_entries_one_poll_reads()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", (HttpContext c) => Results.Text($"""
                <rss version="2.0"><channel><title>Three</title>
                {string.Concat(new[] { "a", "b", "c" }.Select(i => $"<item><title>Item {i}</title><link>{Base(c)}pages/{i}</link><description>Text of {i}.</description></item>"))}
                </channel></rss>
                """, "application/rss+xml"));
            app.MapGet("/pages/{id}", () => Results.Text(Page, "text/html"));
        });
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(Load(server, "\"maxItems\": 2"));

        Assert.Equal(2, outcome.Counts.New);
        Assert.Equal(2, harness.Store.CountArticles());
    }

    private static Task<LoopbackServer> PageServer() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/feed", (HttpContext c) => Results.Text(PollerHarness.Rss(Base(c)), "application/rss+xml"));
        app.MapGet("/pages/a", () => Results.Text(Page, "text/html"));
    });

    /// <summary>One feeds.json entry for the server's /feed with the given extra fields, read by the real catalogue.</summary>
    private static FeedDefinition Load(LoopbackServer server, string extra)
    {
        var json = $$"""{ "feeds": [ { "id": "f", "title": "f", "url": "{{server.Url("feed")}}", "kind": "government", "schedule": { "interval": "00:15:00" }, {{extra}} } ] }""";
        using var document = JsonDocument.Parse(json);
        return Assert.Single(FeedCatalog.Parse(document.RootElement, "feeds.json"));
    }

    private static Uri Base(HttpContext c) => new($"{c.Request.Scheme}://{c.Request.Host}/");
}
