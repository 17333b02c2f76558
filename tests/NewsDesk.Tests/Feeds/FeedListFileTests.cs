using NewsDesk.Feeds;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Feeds;

public sealed class FeedListFileTests
{
    private static FeedDefinition New(string id, string url, string? category = null) => new()
    {
        Id = id,
        Title = "Title of " + id + " — “quoted”",
        Url = new Uri(url),
        Schedule = new FeedSchedule { Interval = TimeSpan.FromMinutes(30) },
        Category = category,
    };

    [Fact]
    public void Appending_keeps_every_byte_of_the_existing_entries_and_comments()
    {
        using var temp = new TempFolder();
        const string Original = """
            {
              // the desk's feeds
              "feeds": [
                { "id": "a", "title": "A", "url": "https://example.org/a", "kind": "government", "schedule": { "cron": "0 0/15 * * * ?" }, "category": "Policy" }
              ],
              "drop": [ { "phrase": "tender" } ]
            }
            """;
        File.WriteAllText(temp.File("feeds.json"), Original);

        var feeds = FeedListFile.Append(temp.File("feeds.json"), [New("b", "https://example.org/b", "News/Tech")]);

        var text = File.ReadAllText(temp.File("feeds.json"));
        Assert.Equal(["a", "b"], feeds.Select(f => f.Id));
        var originalEntry = Original.Split('\n')[3];
        Assert.Contains(originalEntry, text);
        Assert.Contains("// the desk's feeds", text);
        Assert.Contains("\"drop\": [ { \"phrase\": \"tender\" } ]", text);
        Assert.Contains("    {\n      \"id\": \"b\",", text);
        Assert.Contains("“quoted”", text);
        var reloaded = FeedCatalog.Load(temp.File("feeds.json"));
        Assert.Equal("News/Tech", reloaded[1].Category);
        Assert.Equal(TimeSpan.FromMinutes(30), reloaded[1].Schedule.Interval);
    }

    [Fact]
    public void An_empty_list_or_a_missing_file_gets_a_well_formed_array()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("empty.json"), "{ \"feeds\": [] }");

        FeedListFile.Append(temp.File("empty.json"), [New("a", "https://example.org/a"), New("b", "https://example.org/b")]);
        FeedListFile.Append(temp.File("missing.json"), [New("c", "https://example.org/c")]);

        Assert.Equal(["a", "b"], FeedCatalog.Load(temp.File("empty.json")).Select(f => f.Id));
        Assert.Equal(["c"], FeedCatalog.Load(temp.File("missing.json")).Select(f => f.Id));
    }

    [Fact]
    public void An_entry_that_would_break_the_list_is_refused_and_the_file_is_left_alone()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [ { "id": "a", "title": "A", "url": "https://example.org/a", "kind": "press", "schedule": { "interval": "00:30:00" } } ] }""");
        var before = File.ReadAllText(temp.File("feeds.json"));

        var error = Assert.Throws<FeedCatalogException>(() => FeedListFile.Append(temp.File("feeds.json"), [New("a", "https://example.org/other")]));

        Assert.Contains("feeds[1] (\"a\"): field \"id\" duplicates an earlier entry", error.Message);
        Assert.Equal(before, File.ReadAllText(temp.File("feeds.json")));
    }

    [Theory]
    [InlineData("Département de l'Économie — News", "departement-de-l-economie-news")]
    [InlineData("  ***  ", "example-org")]
    [InlineData("Taken", "taken-2")]
    public void Ids_come_from_the_title_and_never_collide(string title, string expected)
    {
        var id = FeedIds.FromTitle(title, new Uri("https://www.example.org/feed"), new HashSet<string> { "taken" });

        Assert.Equal(expected, id);
        Assert.True(FeedIds.IsValid(id));
    }

    [Theory]
    [InlineData("https://Example.org:443/feed", "https://example.org/feed", true)]
    [InlineData("https://example.org/feed#top", "https://example.org/feed", true)]
    [InlineData("https://example.org/feed?page=2", "https://example.org/feed", false)]
    [InlineData("http://example.org/feed", "https://example.org/feed", false)]
    public void Same_url_ignores_case_default_port_and_fragment(string a, string b, bool same) =>
        Assert.Equal(same, FeedUrls.Same(new Uri(a), new Uri(b)));
}
