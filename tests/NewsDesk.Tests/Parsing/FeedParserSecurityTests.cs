using System.Diagnostics;
using NewsDesk.Parsing;

namespace NewsDesk.Tests.Parsing;

public sealed class FeedParserSecurityTests
{
    [Fact]
    public void Billion_laughs_is_refused_fast()
    {
        var (data, _, _) = FeedParserFixtureTests.ReadInput(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Parsing", "billion-laughs"));
        var stopwatch = Stopwatch.StartNew();
        Assert.Throws<FeedParseException>(() => new FeedParser().Parse(data));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(200), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Small_internal_entity_is_expanded()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY dept "Department for Example Affairs">]>
            <rss version="2.0"><channel><title>&dept;</title></channel></rss>
            """u8.ToArray();
        Assert.Equal("Department for Example Affairs", new FeedParser().Parse(xml).Title);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var xml = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 5000)) + "</channel></rss>";
        Assert.Throws<FeedParseException>(() => new FeedParser().Parse(System.Text.Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void Oversized_document_is_refused()
    {
        Assert.Throws<FeedParseException>(() => new FeedParser().Parse(new byte[FeedParser.MaxBytes + 1]));
    }

    [Fact]
    public void Many_uses_of_a_small_entity_are_refused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY k \"" + new string('k', 1000) + "\">]><rss version=\"2.0\"><channel><title>"
            + string.Concat(Enumerable.Repeat("&k;", 2000)) + "</title></channel></rss>";
        var ex = Assert.Throws<FeedParseException>(() => new FeedParser().Parse(System.Text.Encoding.UTF8.GetBytes(xml)));
        Assert.Contains("expansion", ex.Message, StringComparison.Ordinal);
    }
}
