using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

public sealed class FeedCatalogTests
{
    private const string Good = """
        { "feeds": [
          { "id": "govuk-ai", "title": "GOV.UK AI", "url": "https://www.gov.uk/search/news-and-communications.atom", "kind": "government", "schedule": { "interval": "00:30:00" }, "enabled": true },
          { "id": "press", "title": "Press", "url": "https://example.org/feed", "kind": "press", "schedule": { "cron": "0 0/15 * * * ?" } }
        ] }
        """;

    [Fact]
    public void Reads_every_field()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), Good);

        var feeds = FeedCatalog.Load(temp.File("feeds.json"));

        Assert.Equal(2, feeds.Count);
        Assert.Equal(FeedKind.Government, feeds[0].Kind);
        Assert.Equal(TimeSpan.FromMinutes(30), feeds[0].Schedule.Interval);
        Assert.Equal("0 0/15 * * * ?", feeds[1].Schedule.Cron);
        Assert.True(feeds[1].Enabled);
    }

    [Theory]
    [InlineData("""{ "id": "a", "title": "A", "url": "ftp://x/feed", "kind": "press", "schedule": { "interval": "00:30:00" } }""", "feeds[0] (\"a\"): field \"url\"")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "blog", "schedule": { "interval": "00:30:00" } }""", "field \"kind\"")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "schedule": { "interval": "00:00:05" } }""", "field \"schedule.interval\"")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "schedule": { "cron": "not cron" } }""", "field \"schedule.cron\"")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press" }""", "field \"schedule\"")]
    [InlineData("""{ "title": "A", "url": "https://x/feed", "kind": "press", "schedule": { "interval": "00:30:00" } }""", "feeds[0]: field \"id\"")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "enabled": "yes", "schedule": { "interval": "00:30:00" } }""", "field \"enabled\"")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "heders": { "X-Token": "t" }, "schedule": { "interval": "00:30:00" } }""", "feeds[0] (\"a\"): field \"heders\" is not a feeds.json field")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "schedule": { "interval": "00:30:00", "every": "1h" } }""", "field \"schedule.every\" is not a feeds.json field")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/news", "kind": "press", "scrape": { "item": "li", "titel": "h3" }, "schedule": { "interval": "00:30:00" } }""", "field \"scrape.titel\" is not a feeds.json field")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "extract": { "bdy": "main" }, "schedule": { "interval": "00:30:00" } }""", "field \"extract.bdy\" is not a feeds.json field")]
    [InlineData("""{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "drop": [ { "phrase": "tender", "inn": "title" } ], "schedule": { "interval": "00:30:00" } }""", "field \"drop[0].inn\" is not a feeds.json field")]
    public void Bad_entry_names_the_entry_and_the_field(string entry, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{entry}} ] }""");

        var error = Assert.Throws<FeedCatalogException>(() => FeedCatalog.Load(temp.File("feeds.json")));

        Assert.Contains(temp.File("feeds.json"), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        using var temp = new TempFolder();
        var entry = """{ "id": "a", "title": "A", "url": "https://x/feed", "kind": "press", "schedule": { "interval": "00:30:00" } }""";
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ {{entry}}, {{entry}} ] }""");

        var error = Assert.Throws<FeedCatalogException>(() => FeedCatalog.Load(temp.File("feeds.json")));

        Assert.Contains("feeds[1] (\"a\"): field \"id\" duplicates", error.Message);
    }

    [Fact]
    public void Malformed_json_gives_the_line()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), "{\n \"feeds\": [\n  { \"id\": \"a\", }\n  oops\n ]\n}");

        var error = Assert.Throws<FeedCatalogException>(() => FeedCatalog.Load(temp.File("feeds.json")));

        Assert.Contains("line 4", error.Message);
    }

    [Fact]
    public void The_repository_feed_list_is_valid()
    {
        var root = RepoPaths.Root;
        var feeds = FeedCatalog.Load(Path.Combine(root, "feeds.json"));
        var samples = FeedCatalog.Load(Path.Combine(root, "samples", "feeds.json"));

        Assert.True(feeds.Count >= 5);
        Assert.Equal(3, samples.Count);
    }
}
