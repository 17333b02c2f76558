using System.Text;
using NewsDesk.Parsing;

namespace NewsDesk.Tests.Parsing;

/// <summary>CodeHollow.FeedReader is the parser of record for RSS and Atom; our readers are only a counted fallback.</summary>
public sealed class FeedParserFeedReaderTests
{
    [Theory]
    [InlineData("""<rss version="2.0"><channel><title>Desk</title><item><title>One</title><link>https://example.org/1</link></item></channel></rss>""")]
    [InlineData("""<rss><channel><title>Desk</title><item><title>One</title><link>https://example.org/1</link></item></channel></rss>""")]
    [InlineData("""<rss version="2.0"><title>Desk</title><item><title>One</title><link>https://example.org/1</link></item></rss>""")]
    [InlineData("""<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><entry><title>One</title><link href="https://example.org/1"/></entry></feed>""")]
    [InlineData("""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>One</title><link>https://example.org/1</link></item></rdf:RDF>""")]
    public void Rss_and_atom_go_through_FeedReader(string xml)
    {
        var parser = new FeedParser();
        var feed = parser.Parse(Encoding.UTF8.GetBytes(xml));

        Assert.Equal((1, 0), (parser.FeedReaderCount, parser.FallbackCount));
        Assert.Equal("https://example.org/1", Assert.Single(feed.Entries).Link);
    }

    [Fact]
    public void Feed_without_version_keeps_its_format_although_FeedReader_is_given_one()
    {
        var feed = new FeedParser().Parse("<rss><channel><title>Desk</title></channel></rss>"u8.ToArray());
        Assert.Equal("rss", feed.Format);
    }

    [Fact]
    public void Cdf_uses_the_counted_fallback_reader()
    {
        var parser = new FeedParser();
        var feed = parser.Parse("""<CHANNEL HREF="https://example.org/"><TITLE>Desk</TITLE><ITEM HREF="https://example.org/1"><TITLE>One</TITLE></ITEM></CHANNEL>"""u8.ToArray());

        Assert.Equal((0, 1), (parser.FeedReaderCount, parser.FallbackCount));
        Assert.Equal("cdf", feed.Format);
    }

    [Fact]
    public void Entity_text_reaches_FeedReader_decoded_once()
    {
        // FeedReader HTML-decodes some values a second time; the entry must keep the literal "&lt;".
        var feed = new FeedParser().Parse("""<rss version="2.0"><channel><item><title>a &amp;lt; b</title></item></channel></rss>"""u8.ToArray());
        Assert.Equal("a &lt; b", Assert.Single(feed.Entries).Title);
    }
}
