using System.Text;
using NewsDesk.Parsing;

namespace NewsDesk.Tests.Parsing;

/// <summary>Every document the parser refuses gets one error naming the line and column where reading stopped.</summary>
public sealed class FeedParserErrorPositionTests
{
    private static FeedParseException Refuse(string text) =>
        Assert.Throws<FeedParseException>(() => new FeedParser().Parse(Encoding.UTF8.GetBytes(text)));

    [Theory]
    // Lines after a multi-line DOCTYPE, leading blank lines and the XML declaration keep their numbers.
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"b\">\n]>\n<rss version=\"2.0\" x>", 5, 21)]
    [InlineData("\n\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\" x>", 4, 21)]
    // The first element is the root: its position is where the unknown format was found.
    [InlineData("<?xml version=\"1.0\"?>\n\n  <html><body>not a feed</body></html>", 3, 4)]
    // Refusals of the DOCTYPE point at the declaration that was refused.
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<rss><channel><title>&x;</title></channel></rss>", 3, 3)]
    [InlineData("<!DOCTYPE rss [\n<!ENTITY a \"&b;&b;\">\n]><rss/>", 2, 1)]
    [InlineData("<!DOCTYPE rss [ <!ENTITY a \"b\"> <rss/>", 1, 1)]
    // Nothing to read: where the text ends.
    [InlineData("  \n  ", 2, 3)]
    [InlineData("<!-- only a comment -->\n", 2, 1)]
    public void The_error_names_the_line_and_column(string text, int line, int column)
    {
        var error = Refuse(text);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"(line {line}, column {column})", error.Message);
    }

    [Fact]
    public void An_empty_body_and_a_json_document_that_is_not_a_feed_are_placed_too()
    {
        var empty = Assert.Throws<FeedParseException>(() => new FeedParser().Parse([]));
        var json = Refuse("\n  {\"hello\": 1}");

        Assert.Equal((1, 1), (empty.Line, empty.Column));
        Assert.Equal((2, 3), (json.Line, json.Column));
    }
}
