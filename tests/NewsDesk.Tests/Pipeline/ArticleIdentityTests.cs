using NewsDesk.Pipeline;

namespace NewsDesk.Tests.Pipeline;

public sealed class ArticleIdentityTests
{
    [Theory]
    [InlineData("https://www.gov.uk/government/news/x?utm_source=rss&utm_medium=feed", "https://www.gov.uk/government/news/x")]
    [InlineData("HTTPS://Example.ORG:443/a/b?b=2&a=1#top", "https://example.org/a/b?a=1&b=2")]
    [InlineData("https://example.org/story?id=7&fbclid=abc&gclid=def", "https://example.org/story?id=7")]
    [InlineData("http://127.0.0.1:5001/p?ref=home", "http://127.0.0.1:5001/p")]
    public void Canonical_url_drops_tracking_and_fragment(string input, string expected)
    {
        Assert.Equal(expected, ArticleIdentity.Canonicalize(new Uri(input)));
    }

    [Fact]
    public void Id_is_stable_and_short()
    {
        var id = ArticleIdentity.IdFor("https://example.org/a");

        Assert.Equal(16, id.Length);
        Assert.Equal(id, ArticleIdentity.IdFor("https://example.org/a"));
        Assert.NotEqual(id, ArticleIdentity.IdFor("https://example.org/b"));
    }
}
