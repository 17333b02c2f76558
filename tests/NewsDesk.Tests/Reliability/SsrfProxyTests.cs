using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue 18: with a proxy, the address guard checks the target, not the proxy. The proxy (on 127.0.0.1, a private
/// address) is trusted; inward targets are refused before the proxy sees them, public ones go through it, and the
/// environment's HTTP_PROXY / ALL_PROXY are ignored unless NewsDesk:Fetch:Proxy names a proxy.
/// </summary>
public sealed class SsrfProxyTests
{
    [Fact]
    public async Task Through_a_proxy_inward_targets_are_refused_before_the_proxy_and_public_ones_go_through()
    {
        await using var proxy = await ForwardProxy.StartAsync();
        await using var secret = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", () => "secret"));
        await using var outside = await PublicLookingServer.StartAsync(app => app.MapGet("/feed", () => "public body"));
        RequiredService.SkipWhen(outside is null, PublicLookingServer.SkipReason);

        var port = secret.BaseUri.Port;
        string[] targets =
        [
            "http://169.254.169.254/latest/meta-data/",
            "http://127.0.0.1:9/",
            "http://10.0.0.5/",
            $"http://127.0.0.1:{port}/",
            $"http://localhost:{port}/",
            $"http://[::1]:{port}/",
            $"http://[::ffff:127.0.0.1]:{port}/",
            $"http://[::127.0.0.1]:{port}/",
            $"http://[64:ff9b::a9fe:a9fe]:{port}/",
            $"http://[2002:7f00:1::1]:{port}/",
            $"http://2130706433:{port}/",
            "http://192.168.1.1/",
            "http://[fd00::1]/",
        ];
        var fetcher = TestFetcher.Create(new FetchOptions { Proxy = proxy.BaseUri, Timeout = TimeSpan.FromSeconds(10) });
        var notBlocked = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                await fetcher.FetchAsync(new FetchRequest(new Uri(target)), TestContext.Current.CancellationToken);
                notBlocked.Add($"{target}: fetched");
            }
            catch (FetchException ex) when (ex.Kind == FetchFailure.Blocked)
            {
            }
            catch (FetchException ex)
            {
                notBlocked.Add($"{target}: {ex.Kind} {ex.Message}");
            }
        }

        var fetched = await fetcher.FetchAsync(new FetchRequest(outside.Url("feed")), TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"SSRF through a proxy: {targets.Length} inward targets tried, {targets.Length - notBlocked.Count} refused; the proxy was asked for: {string.Join(", ", proxy.Targets)}");
        Assert.Empty(notBlocked);
        Assert.Equal(0, secret.Requests);
        Assert.Equal([outside.Url("feed").AbsoluteUri], proxy.Targets);
        Assert.Equal("public body", Encoding.UTF8.GetString(fetched.Body));
    }

    [Fact]
    public async Task Ingest_ignores_HTTP_PROXY_and_with_a_configured_proxy_sends_only_public_targets_to_it()
    {
        await using var proxy = await ForwardProxy.StartAsync();
        await using var secret = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", () => Results.Text(Page("secret"), "text/html")));
        string[] inward = [$"http://127.0.0.1:{secret.BaseUri.Port}/a", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/b"];
        PublicLookingServer? feed = null;
        feed = await PublicLookingServer.StartAsync(app =>
        {
            app.MapGet("/feed.rss", () => Results.Text(Rss(feed!, inward), "application/rss+xml"));
            app.MapGet("/ok", () => Results.Text(Page("Ordinary article"), "text/html"));
        });
        await using var _ = feed;
        RequiredService.SkipWhen(feed is null, PublicLookingServer.SkipReason);

        // The environment's proxy variables alone: NewsDesk connects directly, and the guard checks the targets.
        var environmentOnly = await IngestAsync(feed, new()
        {
            ["HTTP_PROXY"] = proxy.BaseUri.AbsoluteUri,
            ["http_proxy"] = proxy.BaseUri.AbsoluteUri,
            ["ALL_PROXY"] = proxy.BaseUri.AbsoluteUri,
        });
        Assert.Empty(proxy.Targets);
        Assert.Contains(environmentOnly, a => a.Url.EndsWith("/ok", StringComparison.Ordinal) && a.TextSource == "page");

        // NewsDesk:Fetch:Proxy on 127.0.0.1: the feed and the ordinary page go through it, the inward links do not.
        var proxied = await IngestAsync(feed, new() { ["NewsDesk__Fetch__Proxy"] = proxy.BaseUri.AbsoluteUri });
        TestContext.Current.TestOutputHelper?.WriteLine($"ingest through a configured proxy: the proxy was asked for {string.Join(", ", proxy.Targets)}; {secret.Requests} requests reached the loopback server");
        Assert.Equal([feed.Url("feed.rss").AbsoluteUri, feed.Url("ok").AbsoluteUri], proxy.Targets.Order(StringComparer.Ordinal));
        Assert.Equal(0, secret.Requests);
        Assert.Contains(proxied, a => a.Url.EndsWith("/ok", StringComparison.Ordinal) && a.TextSource == "page");
        Assert.All(proxied.Where(a => !a.Url.EndsWith("/ok", StringComparison.Ordinal)), a => Assert.Contains("not sent to the proxy", a.FallbackReason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_http_url_stops_the_worker_naming_the_key()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{"feeds":[]}""");
        var (exitCode, _, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Fetch__Proxy"] = "socks5://127.0.0.1:1080",
        }, "ingest", "--once");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("NewsDesk:Fetch:Proxy", stderr, StringComparison.Ordinal);
    }

    private static async Task<List<Article>> IngestAsync(PublicLookingServer feed, Dictionary<string, string> environment)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""{"feeds":[{"id":"mixed","title":"Mixed","url":"{{feed.Url("feed.rss")}}","kind":"press","schedule":{"interval":"00:30:00"},"enabled":true}]}""");
        environment["NewsDesk__FeedsFile"] = temp.File("feeds.json");
        environment["NewsDesk__Storage__Path"] = temp.File("news.db");
        environment["NewsDesk__Digest__OutputFolder"] = temp.File("out");
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once");
        Assert.True(exitCode == 0, stdout + stderr);
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        return store.Query(new ArticleQuery()).ToList();
    }

    private static string Page(string title) =>
        $"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{string.Concat(Enumerable.Repeat("An ordinary article about AI cooperation between governments, with enough text to keep. ", 6))}</p></article></body></html>";

    private static string Rss(PublicLookingServer feed, string[] inward)
    {
        var rss = new StringBuilder($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Mixed</title><link>{feed.BaseUri}</link><description>d</description>");
        for (var n = 0; n < inward.Length; n++)
        {
            rss.Append($"<item><title>Item {n}</title><link>{SecurityElement.Escape(inward[n])}</link><guid>item-{n}</guid><description>Feed text of item {n}, kept when the page cannot be fetched.</description></item>");
        }

        return rss.Append($"<item><title>Ordinary article</title><link>{feed.Url("ok")}</link><guid>ok</guid><description>Ordinary.</description></item></channel></rss>").ToString();
    }
}
