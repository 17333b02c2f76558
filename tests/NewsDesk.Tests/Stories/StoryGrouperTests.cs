using NewsDesk.Stories;

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
}
