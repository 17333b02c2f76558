using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

/// <summary>What story matching reads besides wording: sums of money quoted, the kind of event, and dates an undated report names.</summary>
public sealed class EditorSignalTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly StoryMatcher matcher = new();

    [Theory]
    [InlineData("raising $500 million at a $9 billion valuation", new[] { "500", "9000" })]
    [InlineData("targets $8bn valuation, up to $1bn", new[] { "8000", "1000" })]
    [InlineData("raised 385 million euros ($414 million)", new[] { "385", "414" })]
    [InlineData("€10 million each and £27m in total", new[] { "10", "27" })]
    [InlineData("a $1,500 laptop and $20 per month", new string[0])]
    public void Sums_are_read_in_millions_whatever_the_currency(string text, string[] expected) =>
        Assert.Equal(expected, MentionedAmounts.Find(text));

    [Theory]
    [InlineData(new[] { "500", "9000" }, new[] { "8000", "1000" }, false)]
    [InlineData(new[] { "1000" }, new[] { "6000", "12000" }, true)]
    [InlineData(new[] { "110" }, new string[0], false)]
    public void Sums_conflict_only_when_none_is_near_another(string[] a, string[] b, bool conflict) =>
        Assert.Equal(conflict, MentionedAmounts.Conflict(a, b));

    [Fact]
    public void Kinds_of_event_come_from_the_words_that_name_them()
    {
        Assert.Equal(["declaration", "summit"], EventKinds.Find("US, Britain have not signed Paris AI summit declaration", ""));
        Assert.Equal(["order"], EventKinds.Find("President signs executive order on AI", "It takes effect in 90 days."));
        Assert.Equal(["memorandum"], EventKinds.Find("UK and India sign MoU on AI", ""));
    }

    [Fact]
    public void Two_rounds_of_one_company_with_different_sums_are_two_stories()
    {
        var a = matcher.Sign("Kestrel AI raises $1 billion in new funding round", "Kestrel AI raised $1 billion from investors in a new funding round.", []);
        var b = matcher.Sign("Kestrel AI raises $6 billion in new funding round", "Kestrel AI raised $6 billion from investors in a new funding round.", []);
        var c = matcher.Sign("Kestrel AI closes $1.1bn funding round", "Kestrel AI closed a new funding round of $1.1bn from investors.", []);

        Assert.False(matcher.IsSameStory(a, Monday, b, Monday.AddDays(1)));
        Assert.True(matcher.IsSameStory(a, Monday, c, Monday.AddDays(1)));
    }

    [Fact]
    public void An_undated_report_that_names_its_events_date_is_held_to_the_window()
    {
        var order = matcher.Sign("Norway signs executive order on AI in public services",
            "On March 2, 2026, Norway signed an executive order on artificial intelligence in public services.", ["Norway"]);
        var old = matcher.Sign("What Norway's executive order on AI in public services means",
            "On January 12, 2021, Norway signed an executive order on artificial intelligence in public services.", ["Norway"]);
        var undatedSameDay = matcher.Sign("What Norway's executive order on AI in public services means",
            "On March 2, 2026, Norway signed an executive order on artificial intelligence in public services.", ["Norway"]);

        Assert.False(matcher.IsSameStory(order, Monday, old, null));
        Assert.True(matcher.IsSameStory(order, Monday, undatedSameDay, null));
    }

    [Fact]
    public void Never_two_memoranda_between_the_same_parties_years_apart()
    {
        var first = matcher.Sign("UK and India sign memorandum on AI safety", "The United Kingdom and India signed a memorandum of understanding on AI safety research.", ["united kingdom", "india"]);
        var second = matcher.Sign("UK and India sign memorandum on AI safety", "The United Kingdom and India signed a memorandum of understanding on AI safety research.", ["united kingdom", "india"]);

        Assert.False(matcher.IsSameStory(first, Monday.AddYears(-2), second, Monday));
    }
}
