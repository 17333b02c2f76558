using System.Text;
using NewsDesk.Feeds;
using NewsDesk.Feeds.Opml;

namespace NewsDesk.Tests.Feeds;

public sealed class OpmlTests
{
    /// <summary>Modelled on the exports of common readers: nested folders, text without title, upper-case attribute names.</summary>
    private const string Exported = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0">
          <head><title>Subscriptions</title></head>
          <body>
            <outline text="News" title="News">
              <outline text="Tech">
                <outline type="rss" text="Ars" title="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
              </outline>
              <outline type="rss" text="BBC World" XMLURL="https://feeds.bbci.co.uk/news/world/rss.xml"/>
            </outline>
            <outline type="rss" text="GOV.UK AI" xmlUrl="https://www.gov.uk/search/news-and-communications.atom?keywords=ai" htmlUrl="not a url"/>
            <outline type="rss" text="Tagged" xmlUrl="https://example.org/tagged.xml" category="/Policy/EU,/Other"/>
          </body>
        </opml>
        """;

    private static IReadOnlyList<OpmlFeed> Read(string text) => OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "subs.opml");

    [Fact]
    public void Reads_feeds_with_their_folder_path_title_and_site()
    {
        var feeds = Read(Exported);

        Assert.Equal(4, feeds.Count);
        Assert.Equal(new OpmlFeed("Ars Technica", new Uri("https://feeds.arstechnica.com/arstechnica/index"), new Uri("https://arstechnica.com"), "News/Tech", 7), feeds[0]);
        Assert.Equal(("BBC World", "News"), (feeds[1].Title, feeds[1].Category));
        Assert.Null(feeds[2].Category);
        Assert.Null(feeds[2].HtmlUrl);
        Assert.Equal("Policy/EU", feeds[3].Category);
    }

    [Fact]
    public void Export_then_import_gives_back_the_same_feeds()
    {
        var feeds = Read(Exported).Select((o, i) => new FeedDefinition
        {
            Id = "f" + i,
            Title = o.Title,
            Url = o.XmlUrl,
            SiteUrl = o.HtmlUrl,
            Category = o.Category,
            Schedule = new FeedSchedule { Interval = TimeSpan.FromMinutes(30) },
        }).ToList();
        using var output = new MemoryStream();

        OpmlWriter.Write(feeds, output, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var text = Encoding.UTF8.GetString(output.ToArray());
        var again = Read(text);

        Assert.Contains("<opml version=\"2.0\">", text);
        Assert.Contains("<dateCreated>Mon, 23 Nov 2026 12:00:00 GMT</dateCreated>", text);
        Assert.Equal(
            feeds.Select(f => (f.Title, f.Url, f.SiteUrl, f.Category)).OrderBy(f => f.Url.AbsoluteUri),
            again.Select(o => (o.Title, o.XmlUrl, o.HtmlUrl, o.Category)).OrderBy(f => f.XmlUrl.AbsoluteUri));
    }

    [Fact]
    public void Every_bad_outline_is_named_with_its_line()
    {
        const string Bad = """
            <opml version="2.0"><body>
              <outline type="rss" text="Fine" xmlUrl="https://example.org/fine"/>
              <outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
              <outline type="rss" text="Nothing"/>
            </body></opml>
            """;

        var error = Assert.Throws<OpmlException>(() => Read(Bad));

        Assert.Contains("subs.opml:3: outline \"Local\": xmlUrl \"file:///etc/passwd\" is not an absolute http or https URL.", error.Message);
        Assert.Contains("subs.opml:4: outline \"Nothing\" has type=\"rss\" but no xmlUrl.", error.Message);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline xmlUrl="https://example.org/&x;"/></body></opml>""", "line 1, column 22")]
    [InlineData("<opml><body><outline xmlUrl=\"https://example.org/a\">\n</body></opml>", "line 2, column 3")]
    [InlineData("<rss><channel/></rss>", "not an OPML file")]
    public void A_file_that_is_not_safe_well_formed_opml_is_refused_with_its_position(string text, string expected)
    {
        var error = Assert.Throws<OpmlException>(() => Read(text));

        Assert.Contains(expected, error.Message);
    }
}
