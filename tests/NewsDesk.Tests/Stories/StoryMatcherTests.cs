using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

public sealed class StoryMatcherTests
{
    private const string Release =
        "The governments of Norway and Chile today signed a memorandum of understanding on artificial intelligence " +
        "research. Under the agreement the two countries will fund twelve joint research projects on machine " +
        "learning for climate modelling and exchange up to forty researchers a year. The memorandum runs for five " +
        "years and will be reviewed by a joint committee that meets every spring in Oslo or Santiago.";

    private const string Repost =
        "Norway and Chile signed a memorandum of understanding on artificial intelligence research on Tuesday. " +
        "Under the agreement the two countries will fund twelve joint research projects on machine learning for " +
        "climate modelling and exchange up to forty researchers a year. The memorandum runs for five years and " +
        "will be reviewed by a joint committee that meets every spring.";

    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Parties = ["Norway", "Chile"];

    private readonly StoryMatcher matcher = new();

    [Fact]
    public void Near_duplicate_rewrites_of_one_press_release_match()
    {
        var a = matcher.Sign("Norway and Chile sign AI research memorandum", Release, Parties);
        var b = matcher.Sign("Chile, Norway agree to fund joint AI projects", Repost, Parties);

        Assert.True(matcher.Similarity(a, b) >= 0.5);
        Assert.True(matcher.IsSameStory(a, Monday, b, Monday.AddDays(1)));
        Assert.NotEmpty(matcher.BandKeys(a).Intersect(matcher.BandKeys(b)));
    }

    [Fact]
    public void Different_events_with_the_same_parties_on_different_weeks_do_not_match()
    {
        var signing = matcher.Sign("Norway and Chile sign AI research memorandum", Release, Parties);
        var review = matcher.Sign(
            "Norway and Chile review AI research memorandum",
            "The joint committee of Norway and Chile met to review the artificial intelligence research memorandum " +
            "and chose the first twelve projects.",
            Parties);

        Assert.False(matcher.IsSameStory(signing, Monday, review, Monday.AddDays(16)));
    }

    [Fact]
    public void Same_kind_of_deal_between_other_countries_does_not_match()
    {
        var a = matcher.Sign("Norway and Chile sign AI research memorandum",
            "Norway and Chile signed a memorandum on joint AI research.", ["Norway", "Chile"]);
        var b = matcher.Sign("Norway and Peru sign AI research memorandum",
            "Norway and Peru signed a memorandum on joint AI research.", ["Norway", "Peru"]);

        Assert.False(matcher.IsSameStory(a, Monday, b, Monday));
    }

    [Fact]
    public void Short_ledes_in_other_words_meet_through_title_and_entity_keys_and_match_without_dates()
    {
        var a = matcher.Sign("Kenya and Ghana launch joint AI fellowship for civil servants",
            "Kenya and Ghana will train 500 civil servants in AI under a new fellowship.", ["Kenya", "Ghana"]);
        var b = matcher.Sign("Ghana, Kenya unveil AI fellowship to train 500 civil servants",
            "A fellowship announced by Ghana and Kenya aims to teach 500 public officials about AI.", ["Ghana", "Kenya"]);

        Assert.NotEmpty(matcher.BandKeys(a).Intersect(matcher.BandKeys(b)));
        Assert.True(matcher.IsSameStory(a, null, b, Monday));
    }

    [Fact]
    public void Unrelated_reports_do_not_match()
    {
        var a = matcher.Sign("Norway and Chile sign AI research memorandum", Release, Parties);
        var b = matcher.Sign("Chipmaker reports record quarterly revenue",
            "The company said demand for data centre processors doubled over the quarter.", []);

        Assert.True(matcher.Similarity(a, b) < 0.1);
        Assert.False(matcher.IsSameStory(a, null, b, null));
    }

    [Fact]
    public void Signatures_are_stable_across_runs()
    {
        // Signatures are stored; a change to hashing would silently stop new reports meeting old ones.
        var signature = matcher.Sign("Title", "one two three four", []);

        Assert.Equal(64, signature.MinHash.Length);
        Assert.Equal(matcher.Sign("Title", "one two three four", []).MinHash, signature.MinHash);
        Assert.Equal(KnownFirstHash, signature.MinHash[0]);
    }

    [Fact]
    public void Band_keys_stay_few_for_long_titles_and_many_entities()
    {
        string[] entities = [.. Enumerable.Range(0, 40).Select(i => $"Agency {i}")];
        var signature = matcher.Sign(
            "Twenty ministers from coastal nations gather in harbour city to agree shared rules for testing autonomous shipping systems",
            Release, entities);

        var keys = matcher.BandKeys(signature);

        Assert.InRange(keys.Length, 20, 64);
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Entities_are_normalised()
    {
        var signature = matcher.Sign("t", "x", [" Japan", "japan", "OECD "]);

        Assert.Equal(["japan", "oecd"], signature.Entities);
    }

    private const uint KnownFirstHash = 691641379;

    [Fact]
    public void A_follow_up_weeks_later_that_names_the_event_date_is_within_the_window()
    {
        var order = matcher.Sign("Norway signs decree on AI in public procurement",
            "Norway signed a decree on artificial intelligence in public procurement.", ["Norway"]);
        var analysis = matcher.Sign("What Norway's decree on AI in public procurement means",
            "On March 3, 2025, Norway signed a decree on artificial intelligence in public procurement.", ["Norway"]);

        Assert.True(matcher.IsSameStory(order, Monday, analysis, Monday.AddDays(16)));
    }

    [Fact]
    public void Countries_a_lede_lists_in_passing_do_not_conflict_with_the_headline_parties()
    {
        var a = matcher.Sign("Norway hosts AI safety summit as 20 countries sign declaration",
            "Leaders from Chile and Peru joined Norway in signing the Oslo declaration on AI safety.", ["Norway", "Chile", "Peru"]);
        var b = matcher.Sign("Oslo declaration on AI safety signed at Norway summit",
            "Twenty countries, among them Kenya and Ghana, signed the Oslo declaration on AI safety at the summit in Norway.",
            ["Norway", "Kenya", "Ghana"]);

        Assert.True(matcher.IsSameStory(a, Monday, b, Monday));
    }
}
