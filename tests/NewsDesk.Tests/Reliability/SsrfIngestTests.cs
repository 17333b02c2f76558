using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9, SSRF through the real `ingest --once` with default fetch options: a feed on a reachable (public-looking)
/// address whose item links and enclosures point inward, redirect inward, or use other schemes. The loopback server
/// that stands for the inside must see no request, and each such item is kept with the feed's text and the reason.
/// </summary>
public sealed class SsrfIngestTests
{
    [Fact]
    public async Task Ingest_with_default_options_reaches_nothing_inward_from_item_links_enclosures_or_redirects()
    {
        await using var secret = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", () => Results.Text("<html><body><article><p>secret</p></article></body></html>", "text/html")));
        var inside = $"127.0.0.1:{secret.BaseUri.Port}";
        var itemLinks = new List<string>
        {
            $"http://{inside}/a",
            $"http://localhost:{secret.BaseUri.Port}/b",
            $"http://[::1]:{secret.BaseUri.Port}/c",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.1.2.3/intranet",
            "file:///etc/passwd",
            $"ftp://{inside}/e",
            $"gopher://{inside}/_x",
            "data:text/html,%3Cp%3Ehi%3C/p%3E",
        };
        string[] redirects = [$"http://{inside}/d", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", $"gopher://{inside}/_y", $"ftp://{inside}/f", "data:text/html,x"];
        string[] enclosures = ["file:///etc/passwd", $"ftp://{inside}/x.mp3", $"gopher://{inside}/_z", "data:audio/mpeg;base64,AAAA", $"http://{inside}/x.mp3", "http://169.254.169.254/x.mp3"];

        PublicLookingServer? feed = null;
        feed = await PublicLookingServer.StartAsync(app =>
        {
            app.MapGet("/feed.rss", () => Results.Text(Rss(feed!, itemLinks, redirects.Length, enclosures), "application/rss+xml"));
            app.MapGet("/redirect/{n:int}", (int n, HttpContext context) =>
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = redirects[n];
            });
            app.MapGet("/ok", () => Results.Text($"<html><head><title>Ordinary article</title></head><body><article><h1>Ordinary article</h1><p>{string.Concat(Enumerable.Repeat("An ordinary article about AI cooperation between governments, with enough text to keep. ", 6))}</p></article></body></html>", "text/html"));
        });
        await using var _ = feed;
        RequiredService.SkipWhen(feed is null, PublicLookingServer.SkipReason);

        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""{"feeds":[{"id":"hostile","title":"Hostile","url":"{{feed.Url("feed.rss")}}","kind":"press","schedule":{"interval":"00:30:00"},"enabled":true}]}""");

        // Default fetch options: NewsDesk__Fetch__AllowPrivateNetworks is not set.
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
        }, "ingest", "--once");
        Assert.True(exitCode == 0, stdout + stderr);

        using var store = new LiteDbNewsStore(temp.File("news.db"));
        var articles = store.Query(new ArticleQuery()).ToList();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var article in articles)
        {
            output?.WriteLine($"  {article.Url}: {article.TextSource}, {article.FallbackReason}");
        }

        var attempts = itemLinks.Count + redirects.Length + enclosures.Length;
        output?.WriteLine($"SSRF through ingest: {attempts} inward or other-scheme URLs in one feed ({itemLinks.Count} item links, {redirects.Length} redirects, {enclosures.Length} enclosures); {secret.Requests} requests reached the loopback server; {articles.Count} articles stored");
        Assert.Equal(0, secret.Requests);

        // The ordinary item was fetched and extracted; every hostile one that was kept carries the feed's text and says why.
        Assert.Contains(articles, a => a.Url.EndsWith("/ok", StringComparison.Ordinal) && a.TextSource == "page");
        foreach (var article in articles.Where(a => !a.Url.EndsWith("/ok", StringComparison.Ordinal)))
        {
            Assert.True(article.TextSource != "page", $"{article.Url} was extracted from a page");
            Assert.NotNull(article.FallbackReason);
        }

        // Items whose link is not a web address are not stored at all, so no digest or API answer links to them.
        Assert.All(articles, a => Assert.StartsWith("http", a.Url, StringComparison.Ordinal));
    }

    private static string Rss(PublicLookingServer feed, List<string> itemLinks, int redirects, string[] enclosures)
    {
        var links = itemLinks.Concat(Enumerable.Range(0, redirects).Select(n => feed.Url($"redirect/{n}").AbsoluteUri)).ToList();
        var rss = new StringBuilder($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title><link>{feed.BaseUri}</link><description>d</description>");
        for (var n = 0; n < links.Count; n++)
        {
            rss.Append($"<item><title>Item {n}</title><link>{SecurityElement.Escape(links[n])}</link><guid>item-{n}</guid><description>Feed text of item {n}, kept when the page cannot be fetched.</description></item>");
        }

        rss.Append($"<item><title>Ordinary article</title><link>{feed.Url("ok")}</link><guid>ok</guid><description>Ordinary.</description>");
        foreach (var enclosure in enclosures)
        {
            rss.Append($"<enclosure url=\"{SecurityElement.Escape(enclosure)}\" length=\"4\" type=\"audio/mpeg\"/>");
        }

        return rss.Append("</item></channel></rss>").ToString();
    }
}
