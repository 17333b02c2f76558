using AngleSharp.Html.Parser;
using NewsDesk.Extraction;

namespace NewsDesk.Tests.Extraction;

/// <summary>
/// The cleaned HTML no longer goes through HtmlSanitizer: the renderer is safe by construction. These
/// vectors prove it by re-parsing the output as a browser would and checking every element, attribute
/// and URL against the allow-list, so an escaping mistake cannot hide behind string matching.
/// </summary>
public sealed class CleanedHtmlSafetyTests
{
    private const string Prose =
        "<p>The two ministries signed a note on shared testing of new models, so that each side can check the other's methods before a system goes live.</p>"
        + "<p>Staff said the first joint review would take place next spring, and that its findings would be shared with other partners afterwards.</p>";

    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "figure", "figcaption", "a", "img", "br",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal) { "href", "src", "alt" };

    public static TheoryData<string> Vectors() =>
    [
        "<p>Before <script>alert(1)</script> after a script.</p>",
        "<p>An image <img src=x onerror=alert(1)> with a handler.</p>",
        "<p>A <a href=\"javascript:alert(1)\">script link</a> and <a href=\" JaVaScRiPt:alert(1)\">a mixed-case one</a>.</p>",
        "<p>A <a href=\"java&#09;script:alert(1)\">tab-split link</a> and <a href=\"vbscript:msgbox(1)\">a vbscript one</a>.</p>",
        "<p>A <a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">data link</a> and <img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">.</p>",
        "<p style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">A styled paragraph with a click handler.</p>",
        "<p>Inline <svg onload=alert(1)><script>alert(2)</script></svg> and <math><mtext><table><mglyph><style><img src=x onerror=alert(3)></style></mglyph></table></mtext></math> vectors.</p>",
        "<p>Frames <iframe src=\"javascript:alert(1)\"></iframe><object data=\"x.swf\"></object><embed src=\"x.swf\"> here.</p>",
        "<p>Escaped text &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; must stay text.</p>",
        "<p>An alt <img src=\"https://cdn.example/a.png\" alt='x\" onerror=\"alert(1)'> that tries to leave its quotes.</p>",
        "<p>A <a href='https://site.example/?q=\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;'>query link</a> that tries the same.</p>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">Noscript trick.</p></noscript>",
        "<p>A <a href=\"https://site.example/\" onmouseover=\"alert(1)\" style=\"color:red\">good link</a> with bad attributes.</p>",
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Cleaned_html_holds_only_allowed_tags_attributes_and_web_urls(string vector)
    {
        var page = "<html><body><article>" + Prose + vector + Prose.Replace("ministries", "agencies", StringComparison.Ordinal) + "</article></body></html>";

        var result = new ArticleExtractor().Extract(page, new Uri("https://site.example/news/note"));

        Assert.True(result.IsArticle, result.NotArticleReason);
        Assert.Contains("shared testing", result.Html, StringComparison.Ordinal);
        using var output = new HtmlParser().ParseDocument(result.Html);
        foreach (var element in output.All)
        {
            Assert.Contains(element.LocalName, AllowedTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, AllowedAttributes);
                if (attribute.Name is "href" or "src")
                {
                    Assert.Matches("^(https?|mailto):", attribute.Value);
                }
            }
        }

        Assert.DoesNotContain("<script", result.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", result.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Page_text_that_looks_like_markup_stays_escaped_text()
    {
        var page = "<html><body><article>" + Prose + Vectors().Select(v => (string)v.Data).ElementAt(8) + "</article></body></html>";

        var result = new ArticleExtractor().Extract(page, null);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", result.Html, StringComparison.Ordinal);
        using var output = new HtmlParser().ParseDocument(result.Html);
        Assert.Contains("<script>alert(1)</script>", output.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(output.QuerySelectorAll("script, img"));
    }
}
