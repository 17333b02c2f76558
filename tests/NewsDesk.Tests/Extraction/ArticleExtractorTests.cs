using System.Text;
using NewsDesk.Extraction;

namespace NewsDesk.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private const string Prose =
        "<p>The two agencies agreed to exchange staff for a year, so that engineers from each side can learn how the other evaluates new systems before they are deployed.</p>"
        + "<p>Officials said the exchange would start in the autumn, and that a report on what both sides learned would be published when it ends.</p>";

    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("<html></html>")]
    [InlineData("<<<>>>&&&")]
    public void Gives_a_reason_instead_of_an_article_for_empty_or_broken_pages(string html)
    {
        var article = Extractor.Extract(html, null);

        Assert.False(article.IsArticle);
        Assert.False(string.IsNullOrEmpty(article.NotArticleReason));
    }

    [Fact]
    public void Empty_body_bytes_are_not_an_article()
    {
        var article = Extractor.Extract([], "text/html", null);

        Assert.False(article.IsArticle);
        Assert.Equal("empty page", article.NotArticleReason);
    }

    [Fact]
    public void Non_html_content_is_not_an_article()
    {
        var article = Extractor.Extract([0x25, 0x50, 0x44, 0x46, 0x2D], "application/pdf", null);

        Assert.False(article.IsArticle);
        Assert.Contains("not HTML", article.NotArticleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decodes_with_the_meta_charset_when_http_gives_none()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><article>" + Prose.Replace("two agencies", "two caf\u00e9s", StringComparison.Ordinal) + "</article></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        var article = Extractor.Extract(bytes, null, null);

        Assert.Contains("two caf\u00e9s", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_charset_wins_over_meta_charset_and_bom_wins_over_both()
    {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><article>" + Prose.Replace("two agencies", "two na\u00efve agencies", StringComparison.Ordinal) + "</article></body></html>";
        var latin1 = Encoding.Latin1.GetBytes(html);
        var utf8WithBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(html)).ToArray();

        Assert.Contains("na\u00efve", Extractor.Extract(latin1, "text/html; charset=ISO-8859-1", null).Text, StringComparison.Ordinal);
        Assert.Contains("na\u00efve", Extractor.Extract(utf8WithBom, "text/html; charset=ISO-8859-1", null).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_keeps_paragraphs_headings_and_list_items_apart_without_the_headline()
    {
        var html = "<html><body><article><h1>Headline here</h1>" + Prose
            + "<h2>Next steps</h2><ul><li>First item</li><li>Second item</li></ul></article></body></html>";

        var text = Extractor.Extract(html, null).Text;

        Assert.StartsWith("The two agencies", text, StringComparison.Ordinal);
        Assert.Contains("deployed.\n\nOfficials said", text, StringComparison.Ordinal);
        Assert.Contains("ends.\n\nNext steps\n\nFirst item\nSecond item", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Headline here", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaned_html_keeps_structure_with_absolute_links_and_drops_everything_else()
    {
        var html = "<html><body><article><div class=\"body\" style=\"color:red\">" + Prose
            + "<p onclick=\"steal()\">See <a href=\"/report.pdf\" class=\"x\">the report</a> and <a href=\"javascript:alert(1)\">this</a>.<script>alert(2)</script></p>"
            + "<img src=\"chart.png\" alt=\"Chart\"><table><tr><td>cell text</td></tr></table></div></article></body></html>";

        var result = Extractor.Extract(html, new Uri("https://agency.example/news/exchange"));

        Assert.Contains("<a href=\"https://agency.example/report.pdf\">the report</a>", result.Html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://agency.example/news/chart.png\" alt=\"Chart\">", result.Html, StringComparison.Ordinal);
        Assert.Contains("<p>The two agencies", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("script", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", result.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Survives_pathologically_deep_nesting()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 5000)) + Prose + string.Concat(Enumerable.Repeat("</div>", 5000)) + "</body></html>";

        var article = Extractor.Extract(html, null);

        Assert.Contains("two agencies", article.Text, StringComparison.Ordinal);
    }
}
