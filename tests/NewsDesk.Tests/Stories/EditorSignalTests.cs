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

    [Theory]
    [InlineData("The communique released on Monday (Jul 25) said", new[] { "--07-25" })]
    [InlineData("at the next ministerial meeting, on December 5.", new[] { "--12-05" })]
    [InlineData("signed on 17 May 2024 and again on May 20, 2025", new[] { "2024-05-17", "2025-05-20" })]
    [InlineData("Gemini 1.5 and Claude 3 Opus, with 28 Countries", new string[0])]
    public void Days_named_without_their_year_are_read_as_month_and_day(string text, string[] expected) =>
        Assert.Equal(expected, MentionedDates.Find(text));

    [Fact]
    public void An_undated_report_of_a_day_without_its_year_is_kept_from_a_report_dated_weeks_from_that_day_in_every_year()
    {
        var communique = matcher.Sign("Thailand and Vietnam reaffirm code of conduct on AI in fisheries",
            "The joint communique released on Monday (Jul 25) reaffirmed the code of conduct on AI in fisheries patrols.", ["thailand", "vietnam"]);
        var same = matcher.Sign("Thailand and Vietnam reaffirm code of conduct on AI in fisheries",
            "The joint communique reaffirmed the code of conduct on AI in fisheries patrols.", ["thailand", "vietnam"]);

        Assert.True(matcher.IsSameStory(communique, null, same, new DateTimeOffset(2026, 7, 26, 6, 0, 0, TimeSpan.Zero)));
        Assert.False(matcher.IsSameStory(communique, null, same, new DateTimeOffset(2026, 9, 6, 6, 0, 0, TimeSpan.Zero)));
        Assert.False(matcher.IsSameStory(communique, null, same, new DateTimeOffset(2019, 9, 6, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Places_of_meetings_leave_out_states_capitals_and_months()
    {
        Assert.Equal(["bergen"], Venues.Find("Kenya has not signed Bergen AI summit declaration", "At the summit in Bergen in May, delegates from Kenya met in Tokyo."));
        Assert.Equal(["san diego"], Venues.Find("Leaders hold talks", "The leaders hold talks in San Diego."));
    }

    [Fact]
    public void Reports_of_one_summit_in_one_place_are_not_kept_apart_by_a_party_only_one_lede_names()
    {
        var declaration = matcher.Sign("Kenya and Ghana have not signed Bergen AI summit declaration",
            "Kenya and Ghana have not signed the Bergen AI Summit's declaration on open and inclusive AI.", ["kenya", "ghana"]);
        var refusal = matcher.Sign("Premier refuses to sign global AI declaration",
            "At the AI Summit in Bergen, the delegation refused to sign the declaration on open and inclusive AI, as Norwegian Prime Minister Jonas Berg urged caution.", ["norway"]);
        var elsewhere = refusal with { Venues = ["tromso"] };

        Assert.True(matcher.IsSameStory(declaration, Monday, refusal, null));
        Assert.False(matcher.IsSameStory(declaration, Monday, elsewhere, null));
    }
}
