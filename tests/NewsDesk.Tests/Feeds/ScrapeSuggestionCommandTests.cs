using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

/// <summary>
/// A ministry's news page without a feed, through the real executable: `feeds add` suggests a scrape block from the
/// page's repeated structure (and writes nothing), and `feeds inspect ID` reads the source once it is in feeds.json.
/// </summary>
public sealed class ScrapeSuggestionCommandTests
{
    private static Task<LoopbackServer> MinistryAsync() => LoopbackServer.StartAsync(app => app.MapGet("/en/news", () => Results.Content("""
        <!doctype html><html lang="en"><head><title>Ministry of Foreign Affairs: news</title></head><body>
        <header><nav><a href="/en/about-the-ministry">About the ministry and its work</a> <a href="/en/contact-us-today">Contact the ministry today</a></nav></header>
        <main><h1>News</h1><div class="results">
          <div class="news-item"><h3><a href="/en/news/2026/minister-visits-accra">Minister visits Accra to sign water agreement</a></h3><time datetime="2026-11-22T10:00:00Z">22 November</time><p>Summary one.</p></div>
          <div class="news-item"><h3><a href="/en/news/2026/new-health-programme">New health programme with partner countries</a></h3><time datetime="2026-11-21T10:00:00Z">21 November</time><p>Summary two.</p></div>
          <div class="news-item"><h3><a href="/en/news/2026/aid-budget-2027">Aid budget for 2027 presented to parliament</a></h3><time datetime="2026-11-20T10:00:00Z">20 November</time><p>Summary three.</p></div>
        </div></main>
        <footer><a href="/en/privacy-statement">Privacy statement of the ministry</a></footer>
        </body></html>
        """, "text/html; charset=utf-8")));

    private static Dictionary<string, string> Env(TempFolder temp) => new()
    {
        ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        ["NewsDesk__Fetch__Timeout"] = "00:00:05",
        ["NewsDesk__Storage__Path"] = temp.File("n.db"),
    };

    [Fact]
    public async Task Feeds_add_on_a_page_without_a_feed_suggests_a_scrape_block_that_feeds_inspect_then_reads()
    {
        using var temp = new TempFolder();
        await using var site = await MinistryAsync();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");

        var add = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "add", site.Url("en/news").AbsoluteUri, "--id", "mfa-news", "--kind", "government");

        Assert.Equal(1, add.ExitCode);
        Assert.StartsWith("newsdesk: ", add.Stderr, StringComparison.Ordinal);
        Assert.Contains("has no feed", add.Stderr, StringComparison.Ordinal);
        Assert.Empty(FeedCatalog.Load(temp.File("feeds.json")));
        var suggested = JsonDocument.Parse(add.Stdout).RootElement;
        Assert.Equal("div.news-item", suggested.GetProperty("scrape").GetProperty("item").GetString());
        Assert.Equal("time@datetime", suggested.GetProperty("scrape").GetProperty("date").GetString());

        // The user confirms it: the printed entry goes into feeds.json as it is.
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{add.Stdout}} ] }""");
        var inspect = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "inspect", "mfa-news");

        Assert.True(inspect.ExitCode == 0, inspect.Stderr);
        var items = JsonDocument.Parse(inspect.Stdout).RootElement.GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.Equal("Minister visits Accra to sign water agreement", items[0].GetProperty("title").GetString());
        Assert.Equal(site.Url("en/news/2026/minister-visits-accra").AbsoluteUri, items[0].GetProperty("link").GetString());
        Assert.Equal("2026-11-22T10:00:00Z", items[0].GetProperty("published").GetString());
    }
}
