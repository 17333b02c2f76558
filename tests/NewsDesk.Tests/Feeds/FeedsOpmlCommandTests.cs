using NewsDesk.Feeds;
using NewsDesk.Feeds.Opml;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

/// <summary>`feeds import-opml` and `feeds export-opml` through the real executable.</summary>
public sealed class FeedsOpmlCommandTests
{
    private static Dictionary<string, string> Env(TempFolder temp) => new() { ["NewsDesk__Storage__Path"] = temp.File("n.db") };

    [Fact]
    public async Task Import_merges_skips_duplicates_and_reports_and_export_round_trips()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """
            { "feeds": [
              { "id": "bbc-world", "title": "BBC", "url": "https://feeds.bbci.co.uk/news/world/rss.xml", "kind": "press", "schedule": { "interval": "01:00:00" } }
            ] }
            """);
        File.WriteAllText(temp.File("subs.opml"), """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Reader export</title></head><body>
              <outline text="News">
                <outline type="rss" text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
                <outline type="rss" text="Ars Technica" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
              </outline>
              <outline type="rss" text="Ars Technica" xmlUrl="https://example.org/other-ars.xml"/>
            </body></opml>
            """);

        var import = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "import-opml", "subs.opml");
        var export = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "export-opml", "--out", temp.File("out.opml"));
        var reimport = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "import-opml", temp.File("out.opml"));

        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains("2 added, 1 skipped as duplicates", import.Stdout);
        Assert.Contains("subs.opml:4: https://feeds.bbci.co.uk/news/world/rss.xml is already in the list as \"bbc-world\"", import.Stdout);
        var feeds = FeedCatalog.Load(temp.File("feeds.json"));
        Assert.Equal(["bbc-world", "ars-technica", "ars-technica-2"], feeds.Select(f => f.Id));
        Assert.Equal("News", feeds[1].Category);
        Assert.Equal(new Uri("https://arstechnica.com"), feeds[1].SiteUrl);

        Assert.True(export.ExitCode == 0, export.Stderr);
        var exported = OpmlReader.Read(temp.File("out.opml"));
        Assert.Equal(feeds.Select(f => (f.Url, f.Category)).OrderBy(f => f.Url.AbsoluteUri), exported.Select(o => (o.XmlUrl, o.Category)).OrderBy(f => f.XmlUrl.AbsoluteUri));
        Assert.Contains("0 added, 3 skipped", reimport.Stdout);
    }

    [Fact]
    public async Task A_bad_outline_is_named_by_line_and_nothing_is_imported()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("bad.opml"), "<opml version=\"2.0\"><body>\n<outline text=\"ok\" xmlUrl=\"https://example.org/a\"/>\n<outline text=\"bad\" xmlUrl=\"/relative.xml\"/>\n</body></opml>");

        var result = await CliProcess.RunAsync(temp.Path, Env(temp), "feeds", "import-opml", "bad.opml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.opml:3: outline \"bad\"", result.Stderr);
        Assert.False(File.Exists(temp.File("feeds.json")));
    }
}
