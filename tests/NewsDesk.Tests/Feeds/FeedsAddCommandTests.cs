using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

/// <summary>`feeds add` through the real executable, against a loopback site with a page that advertises its feed.</summary>
public sealed class FeedsAddCommandTests
{
    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Ministry of Examples — Press releases</title>
          <link rel="alternate" href="/news"/>
          <id>urn:example:press</id><updated>2026-11-23T08:00:00Z</updated>
          <entry><title>First</title><id>urn:example:1</id><link href="/news/1"/><updated>2026-11-23T08:00:00Z</updated></entry>
        </feed>
        """;

    private static Task<LoopbackServer> SiteAsync() => LoopbackServer.StartAsync(app =>
    {
        // The page names an RSS comment feed first on another (broken) URL, then the Atom feed by a relative href.
        app.MapGet("/news/index.html", () => Results.Content("""
            <!doctype html><html><head><title>News</title>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="Comments" href="comments.xml">
            <link rel="Alternate" type="application/atom+xml" title="Press" href="../feeds/press.atom">
            </head><body>Hello</body></html>
            """, "text/html; charset=utf-8"));
        app.MapGet("/news/comments.xml", () => Results.StatusCode(500));
        app.MapGet("/feeds/press.atom", () => Results.Text(Atom, "application/atom+xml"));
        app.MapGet("/plain.html", () => Results.Content("<html><head><title>No feed</title></head></html>", "text/html"));
    });

    private static Dictionary<string, string> Env(TempFolder temp) => new()
    {
        ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        ["NewsDesk__Fetch__Timeout"] = "00:00:05",
        ["NewsDesk__Storage__Path"] = temp.File("n.db"),
    };

    [Fact]
    public async Task A_page_url_is_resolved_to_its_feed_checked_and_appended_and_a_second_add_is_refused()
    {
        using var temp = new TempFolder();
        await using var site = await SiteAsync();
        File.WriteAllText(temp.File("feeds.json"), """
            { "feeds": [
              { "id": "existing", "title": "Existing", "url": "https://example.org/existing.xml", "kind": "press", "schedule": { "interval": "01:00:00" } }
            ] }
            """);

        var added = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "add", site.Url("news/index.html").AbsoluteUri, "--kind", "government");
        var again = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "add", site.Url("feeds/press.atom").AbsoluteUri);

        Assert.True(added.ExitCode == 0, added.Stderr);
        Assert.Contains("Added \"ministry-of-examples-press-releases\"", added.Stdout);
        Assert.Contains("found on " + site.Url("news/index.html"), added.Stdout);
        var feeds = FeedCatalog.Load(temp.File("feeds.json"));
        Assert.Equal(["existing", "ministry-of-examples-press-releases"], feeds.Select(f => f.Id));
        var feed = feeds[1];
        Assert.Equal(site.Url("feeds/press.atom"), feed.Url);
        Assert.Equal(FeedKind.Government, feed.Kind);
        Assert.Equal(site.Url("news"), feed.SiteUrl);
        Assert.Equal(TimeSpan.FromMinutes(30), feed.Schedule.Interval);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("is already in feeds.json as \"ministry-of-examples-press-releases\"", again.Stderr);
        Assert.Equal(2, FeedCatalog.Load(temp.File("feeds.json")).Count);
    }

    [Fact]
    public async Task A_feed_url_with_an_id_is_added_to_a_new_list_and_a_page_without_a_feed_is_refused()
    {
        using var temp = new TempFolder();
        await using var site = await SiteAsync();

        var added = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "add", site.Url("feeds/press.atom").AbsoluteUri, "--id", "press", "--file", temp.File("mine.json"), "--interval", "02:00:00");
        var none = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "add", site.Url("plain.html").AbsoluteUri, "--file", temp.File("mine.json"));
        var badId = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "add", site.Url("feeds/press.atom").AbsoluteUri, "--id", "Not Valid");

        Assert.True(added.ExitCode == 0, added.Stderr);
        var feed = Assert.Single(FeedCatalog.Load(temp.File("mine.json")));
        Assert.Equal(("press", TimeSpan.FromHours(2)), (feed.Id, feed.Schedule.Interval!.Value));
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("names none", none.Stderr);
        Assert.Equal(2, badId.ExitCode);
        Assert.Single(FeedCatalog.Load(temp.File("mine.json")));
    }

    [Fact]
    public async Task The_address_guard_applies_to_feeds_add()
    {
        using var temp = new TempFolder();
        await using var site = await SiteAsync();

        var env = Env(temp);
        env["NewsDesk__Fetch__AllowPrivateNetworks"] = "false";
        var refused = await CliProcess.RunAsync(temp.Path, env, "feeds", "add", site.Url("feeds/press.atom").AbsoluteUri);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused to connect", refused.Stderr);
        Assert.False(File.Exists(temp.File("feeds.json")));
    }
}
