using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

public sealed class ClusterRunnerTests
{
    [Fact]
    public void A_bad_line_is_reported_with_its_number()
    {
        using var input = new StringReader("{\"id\": \"a\", \"title\": \"t\"}\n{not json\n");

        var error = Assert.Throws<FormatException>(() => ClusterRunner.Read(input));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_reported_with_its_line()
    {
        using var input = new StringReader("{\"id\": \"a\", \"title\": \"t\"}\n{\"id\": \"a\", \"title\": \"u\"}\n");

        var error = Assert.Throws<FormatException>(() => ClusterRunner.Read(input));

        Assert.Contains("line 2: duplicate id 'a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-05-13", true)]
    [InlineData("2024-05-13T10:00:00+02:00", true)]
    [InlineData("2024-05", false)]
    [InlineData("2024", false)]
    [InlineData("", false)]
    public void Only_full_dates_count(string value, bool hasDate)
    {
        Assert.Equal(hasDate, ClusterRunner.ParseDate(value).HasValue);
    }

    [Fact]
    public void Items_are_grouped_in_date_order_with_undated_last()
    {
        var day = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] entities = ["Kenya", "Ghana"];
        StoryItem[] items =
        [
            new("undated", "Kenya and Ghana launch joint AI fellowship", "Kenya and Ghana will train civil servants in AI.", null, entities),
            new("later", "Kenya and Ghana launch joint AI fellowship", "Kenya and Ghana will train civil servants in AI.", day.AddDays(1), entities),
            new("first", "Kenya and Ghana launch joint AI fellowship", "Kenya and Ghana will train civil servants in AI.", day, entities),
        ];

        var stories = ClusterRunner.Group(items, new StoryGrouper(new StoryMatcher()));

        Assert.All(stories.Values, story => Assert.Equal("first", story));
    }
}
