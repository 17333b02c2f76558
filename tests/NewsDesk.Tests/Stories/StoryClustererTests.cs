using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Day = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reports_of_one_event_share_the_first_reports_id_and_the_story_grows()
    {
        var clusterer = new StoryClusterer();

        var first = clusterer.Add(new StoryItem("a", "Kenya and Ghana launch joint AI fellowship for civil servants",
            "Kenya and Ghana will train 500 civil servants in AI under a new fellowship.", Day, ["Kenya", "Ghana"]));
        var other = clusterer.Add(new StoryItem("b", "Chipmaker reports record quarterly revenue",
            "The company said demand for data centre processors doubled.", Day, []));
        var second = clusterer.Add(new StoryItem("c", "Ghana, Kenya unveil AI fellowship to train 500 civil servants",
            "A fellowship announced by Ghana and Kenya aims to teach 500 public officials about AI.", Day.AddDays(1), ["Ghana", "Kenya"]));

        Assert.Equal("a", first);
        Assert.Equal("b", other);
        Assert.Equal("a", second);
        Assert.Equal(3, clusterer.Stories.Count);
    }

    [Fact]
    public void Adding_an_id_twice_is_an_error()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(new StoryItem("a", "t", "x", null, []));

        Assert.Throws<ArgumentException>(() => clusterer.Add(new StoryItem("a", "t", "x", null, [])));
    }
}
