using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #18, "one bad entry must not stop a feed", through the real `ingest --once`, `extract` and `feeds add`:
/// pages in charsets browsers ignore (UTF-7, EBCDIC), fields of many megabytes, and an entry the store refuses.
/// </summary>
public sealed class BadEntryTests
{
    /// <summary>Each page is served with one charset label; the last two in a &lt;meta&gt; tag, the others in the header.</summary>
    private static readonly (string Path, string? Header, string? Meta)[] CharsetPages =
    [
        ("plain", "utf-8", null),
        ("utf7-header", "utf-7", null),
        ("utf7-alias", "csUnicode11UTF7", null),
        ("utf7-meta", null, "utf-7"),
        ("ebcdic-meta", null, "ibm037"),
        ("ebcdic-header", "ibm037", null),
    ];

    [Fact]
    public async Task Ingest_stores_every_entry_when_pages_declare_charsets_browsers_ignore()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed.rss", (HttpContext c) => Results.Text(Rss(c, CharsetPages.Select(p => (p.Path, $"Report {p.Path}", "Feed text."))), "application/rss+xml"));
            foreach (var (path, header, meta) in CharsetPages)
            {
                app.MapGet("/" + path, () => Results.Bytes(Encoding.ASCII.GetBytes(Page(path, meta)), header is null ? "text/html" : $"text/html; charset={header}"));
            }
        });
        using var temp = new TempFolder();
        var (exitCode, stdout, stderr) = await IngestAsync(temp, ("charsets", server.Url("feed.rss")));

        using var store = new LiteDbNewsStore(temp.File("news.db"));
        var articles = store.Query(new ArticleQuery()).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"ingest exit {exitCode}: {stdout}{stderr}");
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Equal(CharsetPages.Length, articles.Count);
        foreach (var article in articles)
        {
            // Decoded as UTF-8 (the default), the ASCII page reads as written: not UTF-7 shifts, not EBCDIC nonsense.
            Assert.True(article.TextSource == "page", $"{article.Url}: {article.FallbackReason}");
            Assert.Contains("plain words about the harbour", article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ingest_caps_huge_fields_and_an_entry_the_store_refuses_fails_alone()
    {
        var hugeTitle = new string('T', 10 * 1024 * 1024);
        var hugeDescription = new string('d', 9 * 1024 * 1024);
        // The store's unique index on the URL takes keys of at most 1023 bytes: this entry cannot be stored.
        var longPath = "missing/" + new string('x', 3000);
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/title.rss", (HttpContext c) => Results.Text(Rss(c, [("missing/t", hugeTitle, "Feed text of the long title."), ("good-1", "Good one", "Feed text.")]), "application/rss+xml"));
            app.MapGet("/description.rss", (HttpContext c) => Results.Text(Rss(c, [("missing/d", "Long description", hugeDescription), (longPath, "Unstorable", "Feed text."), ("good-2", "Good two", "Feed text.")]), "application/rss+xml"));
            app.MapGet("/good-1", () => Results.Text(Page("good-1", null), "text/html"));
            app.MapGet("/good-2", () => Results.Text(Page("good-2", null), "text/html"));
        });
        using var temp = new TempFolder();
        var (exitCode, stdout, stderr) = await IngestAsync(temp, ("title", server.Url("title.rss")), ("description", server.Url("description.rss")));

        using var store = new LiteDbNewsStore(temp.File("news.db"));
        var articles = store.Query(new ArticleQuery()).ToDictionary(a => a.Title);
        TestContext.Current.TestOutputHelper?.WriteLine($"ingest exit {exitCode}: {stdout}{stderr[..Math.Min(stderr.Length, 2000)]}");
        Assert.True(exitCode == 0, stdout + stderr[..Math.Min(stderr.Length, 2000)]);
        Assert.Contains("title: 2 new, 0 updated, 0 unchanged, 0 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("description: 2 new, 0 updated, 0 unchanged, 1 failed", stdout, StringComparison.Ordinal);
        Assert.Equal(4, articles.Count);
        Assert.Contains("Good one", articles.Keys);
        Assert.Contains("Good two", articles.Keys);

        var longTitle = Assert.Single(articles.Values, a => a.Title.StartsWith("TTTT", StringComparison.Ordinal));
        Assert.Equal(FieldCaps.Title, longTitle.Title.Length);
        var longText = articles["Long description"];
        Assert.True(longText.Text.Length <= FieldCaps.Text, $"text of {longText.Text.Length} characters");
        Assert.True(longText.Description!.Length <= FieldCaps.Description, $"description of {longText.Description.Length} characters");
        Assert.True(longText.Html.Length <= FieldCaps.Html, $"html of {longText.Html.Length} characters");
    }

    [Fact]
    public async Task Extract_writes_every_page_of_a_folder_with_a_utf7_or_ebcdic_page()
    {
        using var temp = new TempFolder();
        var input = Directory.CreateDirectory(temp.File("in")).FullName;
        foreach (var (path, _, meta) in CharsetPages)
        {
            File.WriteAllText(Path.Combine(input, path + ".html"), Page(path, meta ?? "utf-7"), Encoding.ASCII);
        }

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "extract", "--in", input, "--out", temp.File("out"));

        Assert.True(exitCode == 0, stdout + stderr);
        foreach (var (path, _, _) in CharsetPages)
        {
            Assert.Contains("plain words about the harbour", File.ReadAllText(temp.File(Path.Combine("out", path + ".txt"))), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Feeds_add_finds_the_feed_on_a_utf7_page()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Results.Bytes(Encoding.ASCII.GetBytes("""<html><head><meta charset="utf-7"><title>Home</title><link rel="alternate" type="application/rss+xml" href="/feed.rss"></head><body><p>Home +AGA-</p></body></html>"""), "text/html; charset=utf-7"));
            app.MapGet("/feed.rss", (HttpContext c) => Results.Text(Rss(c, [("a", "One", "Feed text.")]), "application/rss+xml"));
        });
        using var temp = new TempFolder();

        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        }, "feeds", "add", server.BaseUri.AbsoluteUri, "--file", temp.File("feeds.json"));

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains(server.Url("feed.rss").AbsoluteUri, File.ReadAllText(temp.File("feeds.json")), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> IngestAsync(TempFolder temp, params (string Id, Uri Url)[] feeds)
    {
        var list = string.Join(",", feeds.Select(f => $$"""{"id":"{{f.Id}}","title":"{{f.Id}}","url":"{{f.Url}}","kind":"press","schedule":{"interval":"00:30:00"},"enabled":true}"""));
        File.WriteAllText(temp.File("feeds.json"), $$"""{"feeds":[{{list}}]}""");
        return await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        }, "ingest", "--once");
    }

    private static string Rss(HttpContext context, IEnumerable<(string Path, string Title, string Description)> items)
    {
        var origin = $"http://{context.Request.Host}/";
        var rss = new StringBuilder($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title><link>{origin}</link><description>d</description>");
        foreach (var (path, title, description) in items)
        {
            rss.Append($"<item><title>{title}</title><link>{origin}{path}</link><guid>{origin}{path}</guid><description>{description}</description></item>");
        }

        return rss.Append("</channel></rss>").ToString();
    }

    /// <summary>An ASCII article page; a UTF-7 decoder would turn its "+-" and "+AGA-" into other characters.</summary>
    private static string Page(string name, string? metaCharset) =>
        $"""
        <!DOCTYPE html><html><head>{(metaCharset is null ? "" : $"<meta charset=\"{metaCharset}\">")}<title>Report {name}</title></head>
        <body><article><h1>Report {name}</h1>
        <p>{string.Concat(Enumerable.Repeat($"This report {name} is written in plain words about the harbour, 2+2=4 and a+b-c, with enough text to be kept. ", 4))}</p>
        <p>A second paragraph about the harbour and the ships that call there, plain words again for the extractor.</p>
        </article></body></html>
        """;
}
