using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Extraction;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using NewsDesk.Text;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #18, "memory and CPU bounded by design": HTML nested 100,000 levels deep (1.1 MB) once took minutes of
/// tree building, in a page and in a feed description. The nesting is now capped before parsing (HtmlBounds): such
/// input costs well under a second and its text is kept.
/// </summary>
public sealed class DeepNestingTests
{
    private const int Levels = 100_000;

    private static readonly string Prose = "<p>" + string.Concat(Enumerable.Repeat("The harbour authority published its yearly report on shipping and the new quay. ", 5)) + "</p>";

    private static readonly string Deep = DeepHtml(Levels, Prose);

    [Fact]
    public void A_page_and_a_description_nested_100000_levels_cost_under_a_second()
    {
        var output = TestContext.Current.TestOutputHelper;
        // The first parse and sanitise of the process load and compile AngleSharp and the sanitiser: not what is measured.
        _ = new ArticleExtractor().Extract(Encoding.UTF8.GetBytes(Prose), "text/html", null);
        _ = HtmlText.Sanitize(HtmlText.ToPlainText(Prose));
        var clock = Stopwatch.StartNew();
        var page = new ArticleExtractor().Extract(Encoding.UTF8.GetBytes(Deep), "text/html", new Uri("https://example.org/deep"));
        var extractTime = clock.Elapsed;

        clock.Restart();
        var text = HtmlText.ToPlainText(Deep);
        var sanitized = HtmlText.Sanitize(Deep);
        var feedTextTime = clock.Elapsed;
        output?.WriteLine($"{Levels:N0} levels ({Deep.Length:N0} characters): extract {extractTime.TotalMilliseconds:0} ms ({page.NotArticleReason}); feed text and sanitised HTML {feedTextTime.TotalMilliseconds:0} ms");

        Assert.True(extractTime < TimeSpan.FromSeconds(1), $"extract took {extractTime}");
        Assert.True(feedTextTime < TimeSpan.FromSeconds(1), $"feed text took {feedTextTime}");
        Assert.Contains("yearly report on shipping", page.Text, StringComparison.Ordinal);
        Assert.Contains("yearly report on shipping", text, StringComparison.Ordinal);
        Assert.Contains("<p>The harbour authority", sanitized, StringComparison.Ordinal);
        Assert.True(Regex.Count(sanitized, "<div>") <= HtmlBounds.MaxDepth, "the sanitised copy nests as deep as the input");
    }

    [Fact]
    public void Html_within_the_cap_is_left_as_it_is()
    {
        var nested = DeepHtml(HtmlBounds.MaxDepth - 10, Prose);
        Assert.Same(nested, HtmlBounds.Bound(nested));
        // Unclosed paragraphs, list items and void elements are closed by the parser, so they do not count.
        var sloppy = string.Concat(Enumerable.Repeat("<p>one<li>two<br><img src=x><td>three", 3_000));
        Assert.Same(sloppy, HtmlBounds.Bound(sloppy));

        var flattened = HtmlBounds.Bound(DeepHtml(HtmlBounds.MaxDepth + 5, Prose));
        Assert.Equal(DeepHtml(HtmlBounds.MaxDepth, Prose), flattened);

        // Past the element cap the HTML is cut before the next start tag.
        var many = string.Concat(Enumerable.Repeat("<span>x</span>", HtmlBounds.MaxElements + 100));
        Assert.Equal(string.Concat(Enumerable.Repeat("<span>x</span>", HtmlBounds.MaxElements)), HtmlBounds.Bound(many));
    }

    [Fact]
    public async Task Ingest_of_a_feed_with_a_deep_description_and_page_stores_both_entries_quickly_with_their_text()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed.rss", (HttpContext c) =>
            {
                var origin = $"http://{c.Request.Host}/";
                return Results.Text(
                    $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><link>{origin}</link><description>d</description>"
                    + $"<item><title>Deep item</title><link>{origin}deep</link><guid>deep</guid><description><![CDATA[{Deep}]]></description></item>"
                    + $"<item><title>Plain item</title><link>{origin}plain</link><guid>plain</guid><description>Plain feed text.</description></item>"
                    + "</channel></rss>",
                    "application/rss+xml");
            });
            app.MapGet("/deep", () => Results.Text(Deep, "text/html"));
            app.MapGet("/plain", () => Results.Text($"<html><head><title>Plain</title></head><body><article><h1>Plain</h1><p>{string.Concat(Enumerable.Repeat("An ordinary report with enough plain text to be kept as the article. ", 6))}</p></article></body></html>", "text/html"));
        });
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""{"feeds":[{"id":"deep","title":"Deep","url":"{{server.Url("feed.rss")}}","kind":"press","schedule":{"interval":"00:30:00"},"enabled":true}]}""");

        var clock = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        }, "ingest", "--once");
        TestContext.Current.TestOutputHelper?.WriteLine($"ingest of a {Levels:N0}-level description and page: exit {exitCode} in {clock.Elapsed.TotalSeconds:0.0} s: {stdout}");
        Assert.True(exitCode == 0, stdout + stderr);

        using var store = new LiteDbNewsStore(temp.File("news.db"));
        var articles = store.Query(new ArticleQuery()).ToDictionary(a => a.Title);
        Assert.Equal("page", articles["Plain item"].TextSource);
        var deep = articles["Deep item"];
        Assert.True(deep.TextSource == "page", deep.FallbackReason);
        Assert.Contains("yearly report on shipping", deep.Text, StringComparison.Ordinal);
    }

    private static string DeepHtml(int levels, string inner) =>
        new StringBuilder(levels * 11 + inner.Length).Insert(0, "<div>", levels).Append(inner).Insert(levels * 5 + inner.Length, "</div>", levels).ToString();
}
