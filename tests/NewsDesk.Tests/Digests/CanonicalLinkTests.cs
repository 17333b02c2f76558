using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Digests;
using NewsDesk.Storage;
using NewsDesk.Tests.Pipeline;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

/// <summary>
/// The digest links a page's canonical address (Extraction/Metadata/StableLink): the demo's digest outlives the demo's
/// temporary port, and a page's own word is taken only for a safe address, through the real poller on loopback pages.
/// </summary>
public sealed class CanonicalLinkTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static readonly string[] Words = """
        amber basalt cobalt dune ember fjord garnet heron indigo jasper kelp lagoon mangrove nectar onyx pumice quartz
        reef saffron tundra umber violet walnut xenon yarrow zephyr anvil bramble cinder delta estuary fennel gravel
        hazel iris juniper kestrel lichen meadow nettle oak pebble quill rowan sorrel thistle upland vale willow yew
        acorn birch clover dahlia elm fern ginger heather ivy jade kiln larch moss nutmeg orchid poppy
        apricot bison canyon dolphin egret falcon gecko hyena ibis jackal koala lemur marmot newt ocelot puffin quokka
        raven salmon tapir urchin vulture wombat yak zebra alpaca badger
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task The_demo_s_digest_links_the_pages_stable_addresses_not_its_temporary_port()
    {
        using var temp = new TempFolder();

        var demo = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "demo");

        Assert.True(demo.ExitCode == 0, demo.Stdout + demo.Stderr);
        var files = Directory.GetFiles(temp.File("out"), "digest-*.*");
        Assert.Equal(3, files.Length);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.Contains("https://samples.newsdesk.example/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        }

        // What the demo prints of its digest is what the digest's own header says (it once counted differently).
        var printed = demo.Stdout.Split('\n').Single(l => l.StartsWith("Digest for ", StringComparison.Ordinal));
        var coverage = printed[(printed.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd();
        var markdown = await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".md", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        Assert.Contains(coverage + " (", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_s_canonical_is_linked_only_when_it_is_a_safe_stable_address()
    {
        // Eleven reports, each page naming a canonical address.
        (string Slug, string Subject, string Canonical)[] pages =
        [
            ("stable", "Harbour dredging", "https://stable.example/news/stable?utm_source=feed"),
            ("moved", "Orchestra tour", "/news/moved-final"),
            ("look-alike", "Kite festival", "https://g\u043Ev.example/news/kites"),
            ("plain-http-elsewhere", "Wheat harvest", "http://elsewhere.example/news/x"),
            ("ip-address", "Glacier survey", "https://10.0.0.1/admin"),
            ("other-local-port", "Tram timetable", "http://127.0.0.1:1/admin"),
            ("script", "Library opening", "javascript:alert(1)"),
            ("password", "Marathon route", "https://user:secret@stable.example/news/p"),
            ("localhost-dot", "Bakery award", "https://localhost./admin"),
            ("single-label", "Ferry strike", "https://intranet/wiki"),
            ("internal-name", "Bridge repair", "https://metadata.google.internal/computeMetadata/v1/"),
            ("local-name", "Choir concert", "https://printer.local/queue"),
        ];
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", (HttpContext c) =>
            {
                var root = $"{c.Request.Scheme}://{c.Request.Host}/";
                var items = string.Concat(pages.Select(p => $"<item><title>{p.Subject} report</title><link>{root}news/{p.Slug}</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>"));
                return Results.Text($"<rss version=\"2.0\"><channel><title>Wire</title>{items}</channel></rss>", "application/rss+xml");
            });
            app.MapGet("/news/{slug}", (string slug) =>
            {
                var page = pages.Single(p => p.Slug == slug);
                // Words of its own on each page, so no two reports are taken for one story.
                var words = Words.Skip(Array.IndexOf(pages, page) * 8).Take(8).ToArray();
                var body = string.Join(' ', Enumerable.Range(0, 8).Select(i => $"{page.Subject} {words[i]} {words[(i + 3) % 8]} {words[(i + 5) % 8]} {slug}."));
                return Results.Text($"<html><head><link rel=\"canonical\" href=\"{page.Canonical}\"></head><body><article><h1>{page.Subject} report</h1><p>{body}</p></article></body></html>", "text/html");
            });
        });
        using var harness = new PollerHarness();

        var outcome = await harness.PollAsync(PollerHarness.Feed(server.Url("feed")));
        var digest = new DigestBuilder(harness.Store, TimeProvider.System).Build(Day, TimeZoneInfo.Utc);

        Assert.Equal(pages.Length, outcome.Counts.New);
        // Every report, as the primary source of its story, another outlet's report of it, or an untagged headline.
        var entries = digest.Sections.SelectMany(s => s.Entries).ToList();
        var links = entries.Select(e => (Title: e.Headline, e.Url))
            .Concat(entries.SelectMany(e => e.AlsoReportedBy).Select(l => (l.Title, l.Url)))
            .Concat(digest.AlsoInTheFeeds.Select(l => (l.Title, l.Url)))
            .ToDictionary(l => l.Title, l => l.Url);
        Assert.Equal(pages.Length, links.Count);
        Assert.Equal("https://stable.example/news/stable", links["Harbour dredging report"]);
        Assert.Equal(server.Url("news/moved-final").AbsoluteUri, links["Orchestra tour report"]);
        // Taken, but in its ASCII form: the Cyrillic "о" does not pass for "gov".
        Assert.Equal("https://xn--gv-fmc.example/news/kites", links["Kite festival report"]);
        foreach (var refused in pages.Skip(3))
        {
            Assert.Equal(server.Url("news/" + refused.Slug).AbsoluteUri, links[refused.Subject + " report"]);
        }

        // The accepted canonical is the article's own stored field, not something the digest works out again.
        var stored = harness.Store.Query(new ArticleQuery()).ToDictionary(a => a.Title, a => a.Link);
        Assert.Equal("https://stable.example/news/stable", stored["Harbour dredging report"]);
        Assert.All(pages.Skip(3), refused => Assert.Null(stored[refused.Subject + " report"]));
    }
}
