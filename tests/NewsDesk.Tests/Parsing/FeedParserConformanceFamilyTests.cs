using System.Text;
using NewsDesk.Parsing;

namespace NewsDesk.Tests.Parsing;

/// <summary>
/// The rules behind the conformance fixes of issue 22, each on a hand-written feed: charsets nothing declares,
/// links that resolve against xml:base or the document, repeated elements, and fallbacks a reader relies on.
/// </summary>
public sealed class FeedParserConformanceFamilyTests
{
    private static readonly Uri DocumentUrl = new("https://news.example.org/feeds/world.xml");

    private static ParsedFeed Parse(string xml, string? contentType = null) =>
        new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), contentType, DocumentUrl);

    [Fact]
    public void Undeclared_legacy_charset_is_detected_from_the_bytes()
    {
        // KOI8-R Russian with no BOM, no HTTP charset and no declaration: not UTF-8, so only statistics can tell.
        var koi8 = CodePagesEncoding("koi8-r");
        var title = "Министерство иностранных дел сообщило о новой программе сотрудничества с партнёрами в регионе";
        var bytes = koi8.GetBytes($"<rss version=\"2.0\"><channel><title>{title}</title><description>{title}. {title}.</description></channel></rss>");

        var feed = new FeedParser().Parse(bytes);

        Assert.Equal("koi8-r", feed.Encoding, ignoreCase: true);
        Assert.Equal(title, feed.Title);
    }

    [Fact]
    public void Text_xml_without_charset_on_an_ascii_body_is_us_ascii_and_a_utf8_body_stays_utf8()
    {
        Assert.Equal("us-ascii", Parse("<rss version=\"2.0\"><channel><title>Desk</title></channel></rss>", "text/xml").Encoding);

        var utf8 = Parse("<rss version=\"2.0\"><channel><title>Café</title></channel></rss>", "text/xml");
        Assert.Equal(("utf-8", "Café"), (utf8.Encoding, utf8.Title));
    }

    [Fact]
    public void Relative_links_resolve_against_xml_base_else_the_document_url_in_rss_atom_and_rdf()
    {
        var rss = Parse("""
            <rss version="2.0"><channel><link>/world/</link>
              <item><link>a.html</link><enclosure url="/media/a.mp3" length="12" type="audio/mpeg"/></item>
              <item xml:base="https://cdn.example.net/x/"><link>b.html</link></item>
            </channel></rss>
            """);
        Assert.Equal("https://news.example.org/world/", rss.Link);
        Assert.Equal("https://news.example.org/feeds/a.html", rss.Entries[0].Link);
        Assert.Equal("https://news.example.org/media/a.mp3", Assert.Single(rss.Entries[0].Enclosures).Url);
        Assert.Equal("https://cdn.example.net/x/b.html", rss.Entries[1].Link);

        var atom = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.com/base/">
              <link rel="self" href=""/>
              <entry><link href="one"/><content type="html">&lt;img srcset="/i/1.png, i/2.png 2x"&gt;</content></entry>
            </feed>
            """);
        var self = Assert.Single(atom.Links);
        Assert.Equal(("https://example.com/base/", "application/atom+xml"), (self.Href, self.Type));
        Assert.Equal("https://example.com/base/one", atom.Entries[0].Link);
        Assert.Equal("""<img srcset="https://example.com/i/1.png, https://example.com/base/i/2.png 2x">""", atom.Entries[0].Content);

        var rdf = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel><image rdf:resource="/logo.png"/></channel>
              <image rdf:about="/logo.png"><url>/logo.png</url></image>
              <item><link>/items/1</link></item>
            </rdf:RDF>
            """);
        Assert.Equal("https://news.example.org/logo.png", rdf.ImageUrl);
        Assert.Equal("https://news.example.org/items/1", rdf.Entries[0].Link);
    }

    [Fact]
    public void Repeated_link_and_date_elements_keep_the_last_as_feedparser_does()
    {
        var rss = Parse("""<rss version="2.0"><channel><item><link>https://a.example/</link><link>https://b.example/</link></item></channel></rss>""");
        Assert.Equal("https://b.example/", rss.Entries[0].Link);
        Assert.Equal(["https://a.example/", "https://b.example/"], rss.Entries[0].Links.Select(l => l.Href));

        var atom = Parse("""<feed xmlns="http://www.w3.org/2005/Atom"><entry><updated>2020-01-01T00:00:00Z</updated><updated>2021-06-01T00:00:00Z</updated></entry></feed>""");
        Assert.Equal(2021, atom.Entries[0].Updated!.Value.Year);
    }

    [Fact]
    public void Item_fallbacks_byline_summary_pair_enclosure_length_image_and_comments()
    {
        var rss = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel>
              <dc:creator>Desk Editor</dc:creator>
              <media:content url="/img/logo.png" type="image/png"/>
              <item><title>One</title><summary>Short</summary><description>Longer</description>
                <enclosure url="https://example.org/a.mp3" length="unknown" type="audio/mpeg"/></item>
            </channel></rss>
            """);
        var item = rss.Entries[0];
        Assert.Equal("Desk Editor", item.Author);
        Assert.Equal(("Short", "Longer"), (item.Summary, item.Content));
        Assert.Equal(0, Assert.Single(item.Enclosures).Length);
        Assert.Equal("https://news.example.org/img/logo.png", rss.ImageUrl);

        var atom = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://example.org/1"/>
              <link rel="replies" type="text/html" href="not a url"/></entry></feed>
            """);
        Assert.Null(atom.Entries[0].Comments);
    }

    [Fact]
    public void Atom_html_and_xhtml_titles_come_out_as_the_text_a_reader_shows()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Desk &amp;amp; World</title>
              <entry><title type="html">&lt;b&gt;Rates&lt;/b&gt; rise &amp;amp; jobs</title><link href="https://example.org/1"/></entry>
              <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Aid <em>pledged</em></div></title><link href="https://example.org/2"/></entry>
              <entry><title type="text">Less &lt; more</title><link href="https://example.org/3"/></entry>
            </feed>
            """);
        Assert.Equal("Desk & World", feed.Title);
        Assert.Equal(["Rates rise & jobs", "Aid pledged", "Less < more"], feed.Entries.Select(e => e.Title));
    }

    [Fact]
    public void A_feed_without_a_title_is_named_by_its_own_url()
    {
        var feed = Parse("""<rss version="2.0"><channel><title></title><link>https://news.example.org/</link></channel></rss>""");
        Assert.Equal(DocumentUrl.AbsoluteUri, feed.Title);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
