using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Stories;

public sealed class StoryGrouperTests
{
    private static readonly DateTimeOffset Day = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly StoryItem[] Reports =
    [
        new("a", "Kenya and Ghana launch joint AI fellowship for civil servants",
            "Kenya and Ghana will train 500 civil servants in AI under a new fellowship.", Day, ["Kenya", "Ghana"]),
        new("b", "Chipmaker reports record quarterly revenue",
            "The company said demand for data centre processors doubled.", Day, []),
        new("c", "Ghana, Kenya unveil AI fellowship to train 500 civil servants",
            "A fellowship announced by Ghana and Kenya aims to teach 500 public officials about AI.", Day.AddDays(1), ["Ghana", "Kenya"]),
    ];

    [Fact]
    public void Reports_of_one_event_share_the_first_reports_id_and_the_story_grows()
    {
        var grouper = new StoryGrouper(new StoryMatcher());
        var candidates = new InMemoryStoryCandidates();

        var stories = Reports.Select(item =>
        {
            var assignment = grouper.Assign(item, candidates);
            candidates.Add(item, assignment);
            return assignment.StoryId;
        }).ToList();

        Assert.Equal(["a", "b", "a"], stories);
        Assert.Equal(3, candidates.Stories.Count);
    }

    [Fact]
    public void A_report_that_arrives_before_the_older_report_it_matches_is_merged_into_the_older_story()
    {
        var grouper = new StoryGrouper(new StoryMatcher());
        var candidates = new InMemoryStoryCandidates();

        foreach (var item in Reports.Reverse())
        {
            candidates.Add(item, grouper.Assign(item, candidates));
        }

        Assert.Equal(candidates.Stories["a"], candidates.Stories["c"]);
        Assert.NotEqual(candidates.Stories["a"], candidates.Stories["b"]);
    }

    [Fact]
    public void Adding_an_id_twice_is_an_error()
    {
        var grouper = new StoryGrouper(new StoryMatcher());
        var candidates = new InMemoryStoryCandidates();
        var item = new StoryItem("a", "t", "x", null, []);
        candidates.Add(item, grouper.Assign(item, candidates));

        Assert.Throws<ArgumentException>(() => candidates.Add(item, grouper.Assign(item, candidates)));
    }

    [Fact]
    public void Two_memoranda_between_the_same_parties_years_apart_are_two_stories_and_a_report_days_later_joins_its_event()
    {
        var grouper = new StoryGrouper(new StoryMatcher());
        var candidates = new InMemoryStoryCandidates();
        var signed2024 = new DateTimeOffset(2024, 9, 10, 9, 0, 0, TimeSpan.Zero);
        var signed2026 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        StoryItem[] items =
        [
            new("mou-2024", "UK and India sign memorandum on AI safety research",
                "The United Kingdom and India signed a memorandum of understanding linking their AI safety institutes.", signed2024, ["United Kingdom", "India"]),
            new("mou-2026", "UK and India sign memorandum on AI safety research",
                "The United Kingdom and India signed a memorandum of understanding linking their AI safety institutes.", signed2026, ["United Kingdom", "India"]),
            // Published five days after the 2026 signing, outside the 3-day window, but it names the day.
            new("mou-2026-analysis", "What the UK-India AI safety memorandum means for frontier model testing",
                "The memorandum the United Kingdom and India signed on 2 March 2026 links their AI safety institutes.", signed2026.AddDays(5), ["United Kingdom", "India"]),
        ];

        foreach (var item in items)
        {
            candidates.Add(item, grouper.Assign(item, candidates));
        }

        Assert.NotEqual(candidates.Stories["mou-2024"], candidates.Stories["mou-2026"]);
        Assert.Equal(candidates.Stories["mou-2026"], candidates.Stories["mou-2026-analysis"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_report_dated_only_by_its_ingest_joins_the_dated_story_it_tells_in_the_store_as_in_memory(bool undatedFirst)
    {
        // The feed and page gave "late" and "later" no date: the worker has only their ingest time, nine months after
        // the signing. Undated for matching, they join it, as `cluster` joins them, in either arrival order.
        var signed = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var ingested = new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
        const string Lede = "The United Kingdom and India signed a memorandum of understanding linking their AI safety institutes for joint evaluations of frontier models.";
        var dated = Articles.Make("dated", "UK and India sign memorandum on AI safety research", signed, text: Lede) with { Description = Lede, StoryId = null };
        var late = Articles.Make("late", "India, UK agree AI safety memorandum to test frontier models together", ingested, text: Lede) with
        {
            Description = Lede,
            StoryId = null,
            Published = null,
            Ingested = ingested,
        };
        var later = late with { Id = "later", Url = "https://example.org/later", Title = "UK-India AI safety memorandum: what the institutes will test", Ingested = ingested.AddMinutes(1) };
        Article[] order = undatedFirst ? [late, dated, later] : [dated, late, later];

        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            var committer = new GroupCommitter(new StoryMatcher(), store);
            foreach (var article in order)
            {
                await committer.CommitAsync(article);
            }

            Assert.Single(order.Select(a => store.FindArticle(a.Id)!.StoryId).Distinct());
        }

        var grouper = new StoryGrouper(new StoryMatcher());
        var candidates = new InMemoryStoryCandidates();
        foreach (var item in order.Select(a => new StoryItem(a.Id, a.Title, Lede, a.Published, StoryEntities.Find(a.Title, Lede))))
        {
            candidates.Add(item, grouper.Assign(item, candidates));
        }

        Assert.Single(candidates.Stories.Values.Distinct());
    }
}
