using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// A ministry that publishes a news listing page and no feed: the real catalogue reads its "scrape" block, the real
/// poller fetches the page from a Kestrel server on 127.0.0.1 with a conditional GET, and each linked release goes
/// through the article pipeline.
/// </summary>
public sealed class ScrapeSourcePollTests
{
    private static readonly string Body = string.Join(' ', Enumerable.Repeat("The minister announced a programme of cooperation with partner countries on water and health.", 5));

    [Fact]
    public async Task Items_that_appear_on_the_listing_between_polls_are_ingested_once()
    {
        var releases = new List<(string Id, string Title, string Date)> { ("r1", "Cooperation with Ghana", "2026-11-20"), ("r2", "Water programme", "2026-11-21") };
        var validators = new List<string?>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/news", (HttpContext c) =>
            {
                var etag = $"\"{releases.Count}\"";
                validators.Add(c.Request.Headers.IfNoneMatch);
                c.Response.Headers.ETag = etag;
                if (c.Request.Headers.IfNoneMatch == etag)
                {
                    return Results.StatusCode(304);
                }

                // Newest first, as ministries list them, with the site's navigation around the list.
                var items = string.Concat(releases.AsEnumerable().Reverse().Select(r =>
                    $"""<li class="release"><h3><a href="/news/{r.Id}">{r.Title}</a></h3><time datetime="{r.Date}T09:00:00Z">{r.Date}</time></li>"""));
                return Results.Text($"""<html><head><title>Ministry news</title></head><body><nav><a href="/">Home</a></nav><ul class="listing">{items}</ul></body></html>""", "text/html");
            });
            app.MapGet("/news/{id}", (string id) => Results.Text($"<html><body><article><h1>{id}</h1><p>{Body}</p></article></body></html>", "text/html"));
        });
        var source = Load(server, """ "scrape": { "item": "ul.listing li.release", "date": "time@datetime" } """);
        using var harness = new PollerHarness();

        var first = await harness.PollAsync(source);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var unchanged = await harness.PollAsync(source);
        releases.Add(("r3", "Health agreement signed", "2026-11-22"));
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await harness.PollAsync(source);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        releases.Add(("r4", "Visit to Accra", "2026-11-23"));
        var third = await harness.PollAsync(source);

        Assert.Equal(2, first.Counts.New);
        Assert.Equal(0, unchanged.Counts.New + unchanged.Counts.Unchanged);
        Assert.Equal((1, 2), (second.Counts.New, second.Counts.Unchanged));
        Assert.Equal((1, 3), (third.Counts.New, third.Counts.Unchanged));
        Assert.Equal(4, harness.Store.CountArticles());
        Assert.Equal("\"2\"", validators[1]);
        var article = harness.Store.FindByUrl(server.Url("news/r3").AbsoluteUri)!;
        Assert.Equal("Health agreement signed", article.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Contains(Body, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_whose_item_selector_matches_nothing_fails_the_poll_and_says_so_on_the_feed()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/news", () =>
            Results.Text("""<html><body><div class="new-layout"><a href="/news/r1">Cooperation with Ghana</a></div></body></html>""", "text/html")));
        var source = Load(server, """ "scrape": { "item": "ul.listing li.release" } """);
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(source);

        Assert.Contains("item selector \"ul.listing li.release\" matched nothing", outcome.Error, StringComparison.Ordinal);
        var state = harness.State("m");
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Contains("matched nothing", state.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"scrape\": { \"item\": \"li[[\" }", "feeds[0] (\"m\"): field \"scrape.item\" must be a CSS selector")]
    [InlineData("\"scrape\": { \"item\": \"li\", \"link\": \"a::(\" }", "field \"scrape.link\" must be a CSS selector")]
    [InlineData("\"scrape\": { \"item\": \"li\", \"date\": \"time[@datetime\" }", "field \"scrape.date\" must be a CSS selector")]
    [InlineData("\"scrape\": { \"link\": \"a\" }", "field \"scrape.item\"")]
    public void A_bad_scrape_selector_names_the_feed_and_the_field(string extra, string message)
    {
        var json = $$"""{ "feeds": [ { "id": "m", "title": "m", "url": "https://example.org/news", "kind": "government", "schedule": { "interval": "00:30:00" }, {{extra}} } ] }""";
        using var document = JsonDocument.Parse(json);
        var ex = Assert.Throws<FeedCatalogException>(() => FeedCatalog.Parse(document.RootElement, "feeds.json"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static FeedDefinition Load(LoopbackServer server, string extra)
    {
        var json = $$"""{ "feeds": [ { "id": "m", "title": "Ministry", "url": "{{server.Url("news")}}", "kind": "government", "schedule": { "interval": "00:15:00" }, {{extra}} } ] }""";
        using var document = JsonDocument.Parse(json);
        return Assert.Single(FeedCatalog.Parse(document.RootElement, "feeds.json"));
    }
}
