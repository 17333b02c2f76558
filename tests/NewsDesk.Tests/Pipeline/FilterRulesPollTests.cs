using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// Keep and drop rules end to end: feeds.json (global and per-source rules) read by the real catalogue, the real poller
/// against a Kestrel server on 127.0.0.1 that counts which article pages are requested.
/// </summary>
public sealed class FilterRulesPollTests
{
    private static readonly string Body = string.Join(' ', Enumerable.Repeat("The agency reported on cooperation with partner countries on water supply and sanitation.", 5));

    private static async Task<(LoopbackServer Server, ConcurrentDictionary<string, int> Pages)> SiteAsync()
    {
        var pages = new ConcurrentDictionary<string, int>();
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", (HttpContext c) =>
            {
                var root = $"{c.Request.Scheme}://{c.Request.Host}/";
                string Item(string path, string title) => $"<item><title>{title}</title><link>{root}{path}</link><description>About {title}.</description></item>";
                return Results.Text($"""
                    <rss version="2.0"><channel><title>Agency</title>
                    {Item("news/water", "Water programme extended")}
                    {Item("news/tender", "Tender notice: office supplies")}
                    {Item("sport/cup", "Ministry team wins the cup")}
                    {Item("news/german", "Besuch in Accra")}
                    </channel></rss>
                    """, "application/rss+xml");
            });
            app.MapGet("/{section}/{id}", (string section, string id) =>
            {
                pages.AddOrUpdate($"{section}/{id}", 1, (_, n) => n + 1);
                var lang = id == "german" ? "de" : "en";
                return Results.Text($"<html lang=\"{lang}\"><body><article><h1>{id}</h1><p>{Body}</p></article></body></html>", "text/html");
            });
        });
        return (server, pages);
    }

    [Fact]
    public async Task Dropped_items_are_counted_with_their_rule_those_dropped_on_the_entry_never_fetched_the_others_fetched_once()
    {
        var (server, pages) = await SiteAsync();
        await using var _ = server;
        var feed = Load(server, """{ "drop": [ { "phrase": "TENDER" } ] }""", """
            "drop": [ { "regex": "/sport/", "in": ["link"] }, { "language": "de" } ]
            """);
        using var harness = new PollerHarness();

        var first = await harness.PollAsync(feed);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var second = await harness.PollAsync(feed);

        Assert.Equal((1, 3), (first.Counts.New, first.Dropped));
        Assert.Equal(3, second.Dropped);
        Assert.Equal(1, harness.Store.CountArticles());
        Assert.NotNull(harness.Store.FindByUrl(server.Url("news/water").AbsoluteUri));
        Assert.False(pages.ContainsKey("news/tender"));
        Assert.False(pages.ContainsKey("sport/cup"));
        Assert.Equal(1, pages["news/german"]);
    }

    [Fact]
    public async Task With_keep_rules_only_matching_items_are_stored()
    {
        var (server, _) = await SiteAsync();
        await using var __ = server;
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(Load(server, "{}", """ "keep": [ { "phrase": "water", "in": ["title"] }, { "regex": "(?i)cup$", "in": ["title"] } ] """));

        Assert.Equal((2, 2), (outcome.Counts.New, outcome.Dropped));
        Assert.NotNull(harness.Store.FindByUrl(server.Url("sport/cup").AbsoluteUri));
        Assert.Null(harness.Store.FindByUrl(server.Url("news/tender").AbsoluteUri));
    }

    [Theory]
    [InlineData("\"drop\": [ { \"regex\": \"(unclosed\" } ]", "feeds[0] (\"f\"): field \"drop[0].regex\" is not a valid regular expression")]
    [InlineData("\"keep\": [ { \"phrase\": \"a\", \"theme\": \"health\" } ]", "field \"keep[0]\" must be an object with exactly one of")]
    [InlineData("\"drop\": [ { \"phrase\": \"a\", \"in\": [\"body\"] } ]", "field \"drop[0].in\" must be an array of \"title\", \"text\" and \"link\"")]
    [InlineData("\"drop\": { \"phrase\": \"a\" }", "field \"drop\" must be an array")]
    public void A_bad_rule_names_the_feed_and_the_field(string extra, string message)
    {
        var json = $$"""{ "feeds": [ { "id": "f", "title": "f", "url": "https://example.org/feed", "kind": "press", "schedule": { "interval": "00:15:00" }, {{extra}} } ] }""";
        using var document = JsonDocument.Parse(json);
        var ex = Assert.Throws<FeedCatalogException>(() => FeedCatalog.Parse(document.RootElement, "feeds.json"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    /// <param name="global">The top level of feeds.json besides "feeds" (its global rules), as an object.</param>
    private static FeedDefinition Load(LoopbackServer server, string global, string extra)
    {
        var top = global.Trim().TrimStart('{').TrimEnd('}').Trim();
        var json = $$"""{ {{(top.Length > 0 ? top + "," : "")}} "feeds": [ { "id": "f", "title": "f", "url": "{{server.Url("feed")}}", "kind": "press", "schedule": { "interval": "00:15:00" }, {{extra}} } ] }""";
        using var document = JsonDocument.Parse(json);
        return Assert.Single(FeedCatalog.Parse(document.RootElement, "feeds.json"));
    }
}
