using System.Globalization;
using System.Text.Json;
using NewsDesk.Extraction;

namespace NewsDesk.Tests.Extraction;

/// <summary>
/// Golden pages: Fixtures/Extraction/&lt;case&gt;/source.html with expected.json listing the metadata
/// fields that case is about, plus text that must (not) appear in the extracted text.
/// </summary>
public sealed class ArticleExtractorFixtureTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Extraction");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(FixtureRoot).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts_expected_metadata_and_text(string name)
    {
        var folder = Path.Combine(FixtureRoot, name);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var root = expected.RootElement;
        var pageUrl = root.TryGetProperty("pageUrl", out var url) && url.ValueKind == JsonValueKind.String ? new Uri(url.GetString()!) : null;

        var article = new ArticleExtractor().Extract(File.ReadAllBytes(Path.Combine(folder, "source.html")), "text/html", pageUrl);

        foreach (var field in root.GetProperty("metadata").EnumerateObject())
        {
            AssertField(field, article);
        }

        if (root.TryGetProperty("textStartsWith", out var start))
        {
            Assert.StartsWith(start.GetString()!, article.Text, StringComparison.Ordinal);
        }

        foreach (var text in Strings(root, "textIncludes"))
        {
            Assert.Contains(text, article.Text, StringComparison.Ordinal);
        }

        foreach (var text in Strings(root, "textExcludes"))
        {
            Assert.DoesNotContain(text, article.Text, StringComparison.Ordinal);
        }

        foreach (var html in Strings(root, "htmlIncludes"))
        {
            Assert.Contains(html, article.Html, StringComparison.Ordinal);
        }

        if (root.TryGetProperty("reasonIncludes", out var reason))
        {
            Assert.Contains(reason.GetString()!, article.NotArticleReason ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertField(JsonProperty field, ExtractedArticle article)
    {
        var value = field.Value;
        switch (field.Name)
        {
            case "isArticle":
                Assert.Equal(value.GetBoolean(), article.IsArticle);
                Assert.Equal(article.IsArticle, article.NotArticleReason is null);
                break;
            case "published":
                Assert.Equal(Date(value), article.Published);
                break;
            case "modified":
                Assert.Equal(Date(value), article.Modified);
                break;
            default:
                Assert.Equal(value.ValueKind == JsonValueKind.Null ? null : value.GetString(), StringField(field.Name, article));
                break;
        }
    }

    private static string? StringField(string name, ExtractedArticle article) => name switch
    {
        "title" => article.Title,
        "byline" => article.Byline,
        "language" => article.Language,
        "canonicalUrl" => article.CanonicalUrl,
        "description" => article.Description,
        "leadImage" => article.LeadImage,
        "siteName" => article.SiteName,
        _ => throw new InvalidOperationException($"expected.json names an unknown field: {name}"),
    };

    private static DateTimeOffset? Date(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];
}
