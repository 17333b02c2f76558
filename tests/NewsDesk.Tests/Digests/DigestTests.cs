using System.Text.Json;
using NewsDesk.Digests;
using NewsDesk.Summaries;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

public sealed class DigestTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Date = new(2026, 11, 22);

    private static Digest Build(params NewsDesk.Storage.Article[] articles) =>
        new DigestBuilder(null!, TimeProvider.System).Build(Date, TimeZoneInfo.Utc, articles);

    [Fact]
    public void Groups_by_theme_then_story_with_the_government_report_as_primary()
    {
        var digest = Build(
            Articles.Make("press1", "Press: UK, India sign AI pact", Day.AddHours(-2), ["bilateral"], story: "s1"),
            Articles.Make("gov1", "UK and India sign AI memorandum", Day, ["bilateral"], story: "s1", kind: "government"),
            Articles.Make("std", "New AI code of practice", Day, ["standards"]),
            Articles.Make("neg", "Chip maker raises funds", Day));

        Assert.Equal(["bilateral", "standards"], digest.Sections.Select(s => s.Theme));
        Assert.Equal(["Chip maker raises funds"], digest.AlsoInTheFeeds.Select(l => l.Title));
        var story = digest.Sections[0].Entries.Single();
        Assert.Equal("gov1", story.ArticleId);
        Assert.Equal(["https://example.org/press1"], story.AlsoReportedBy.Select(l => l.Url));
        Assert.Equal(3, digest.StoryCount);
        Assert.Equal(4, digest.ArticleCount);
    }

    [Fact]
    public void Stories_with_more_sources_rank_first()
    {
        var digest = Build(
            Articles.Make("lone", "A single report", Day.AddHours(3), ["research"]),
            Articles.Make("r1", "Joint research call", Day, ["research"], story: "s2"),
            Articles.Make("r2", "Joint research call, again", Day, ["research"], story: "s2"));

        Assert.Equal("s2", digest.Sections.Single().Entries[0].StoryId);
    }

    [Fact]
    public void A_script_title_is_shown_as_text_in_every_format()
    {
        var digest = Build(Articles.Make("x", "Portal reopens after <script>alert(1)</script> flaw", Day, ["standards"]));

        var html = HtmlDigestRenderer.Render(digest, showEvidence: true);
        var markdown = MarkdownDigestRenderer.Render(digest, showEvidence: true);
        var json = JsonDigestRenderer.Render(digest);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", markdown);
        Assert.Equal("Portal reopens after <script>alert(1)</script> flaw", JsonDocument.Parse(json).RootElement.GetProperty("sections")[0].GetProperty("entries")[0].GetProperty("headline").GetString());
    }

    [Fact]
    public void Html_links_the_source_and_shows_evidence_on_request()
    {
        var digest = Build(Articles.Make("gov1", "UK and India sign AI memorandum", Day, ["bilateral"], kind: "government"));

        var html = HtmlDigestRenderer.Render(digest, showEvidence: true);
        var plain = HtmlDigestRenderer.Render(digest, showEvidence: false);

        Assert.Contains("href=\"https://example.org/gov1\"", html);
        Assert.Contains("memorandum", html);
        Assert.Contains("in the title", html);
        Assert.DoesNotContain("in the title", plain);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Machine_written_summaries_are_labelled()
    {
        var article = Articles.Make("m", "Summit agrees AI safety statement", Day, ["coalition"]);
        article = article with { Summary = article.Summary with { Method = SummaryMethods.Machine, Model = "llama3" } };
        var digest = Build(article);

        Assert.Contains("Machine-written summary (llama3)", MarkdownDigestRenderer.Render(digest, false));
        Assert.Contains("Machine-written summary (llama3)", HtmlDigestRenderer.Render(digest, false));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "#")]
    [InlineData("https://example.org/a b<script>", "https://example.org/a%20b%3Cscript%3E")]
    [InlineData("https://example.org/ok?x=1", "https://example.org/ok?x=1")]
    public void Markdown_link_targets_are_http_only_and_cannot_break_out(string url, string expected)
    {
        Assert.Equal(expected, MarkdownDigestRenderer.LinkTarget(url));
    }

    [Fact]
    public void The_current_digest_is_built_again_only_after_the_store_changes()
    {
        using var temp = new TempFolder();
        using var store = new NewsDesk.Storage.LiteDbNewsStore(temp.File("news.db"));
        var builder = new DigestBuilder(store, TimeProvider.System);
        store.Save(Articles.Make("a", "UK and India sign AI memorandum", Day, ["bilateral"]));

        var first = builder.Current(Date, TimeZoneInfo.Utc);
        var generation = store.Generation;
        Assert.Same(first, builder.Current(Date, TimeZoneInfo.Utc));
        Assert.Single(store.Query(new NewsDesk.Storage.ArticleQuery()));
        Assert.Equal(generation, store.Generation);

        store.Save(Articles.Make("b", "New AI code of practice", Day, ["standards"]));
        var second = builder.Current(Date, TimeZoneInfo.Utc);

        Assert.NotSame(first, second);
        Assert.Equal(1, first.ArticleCount);
        Assert.Equal(2, second.ArticleCount);
        Assert.Same(second, builder.Current(Date, TimeZoneInfo.Utc));
        Assert.NotSame(second, builder.Current(Date.AddDays(-1), TimeZoneInfo.Utc));
    }

    [Fact]
    public void An_empty_day_says_so()
    {
        var digest = Build();

        Assert.Contains("No articles", MarkdownDigestRenderer.Render(digest, false));
        Assert.Contains("No articles", HtmlDigestRenderer.Render(digest, false));
        Assert.Empty(digest.Sections);
    }
}
