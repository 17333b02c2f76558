using NewsDesk.Tagging;

namespace NewsDesk.Tests.Tagging;

public sealed class GazetteerPairTests
{
    private static readonly ThemeTagger Tagger = new(Taxonomy.LoadDefault());

    [Theory]
    [InlineData("UK–India partnership on AI announced", "United Kingdom", "India")]
    [InlineData("Franco-German AI partnership announced", "France", "Germany")]
    [InlineData("US-China dialogue on AI announced", "United States", "China")]
    [InlineData("EU–Japan AI cooperation announced", "European Union", "Japan")]
    [InlineData("U.S.-EU roadmap on AI announced", "United States", "European Union")]
    [InlineData("Britain and America sign AI agreement", "United Kingdom", "United States")]
    [InlineData("Sino-Brazilian AI talks announced", "China", "Brazil")]
    public void Hyphenated_and_aliased_pairs_become_the_two_canonical_parties(string title, string first, string second)
    {
        var result = Tagger.Tag(new TagInput(title, "The two governments will cooperate on artificial intelligence.", null));

        Assert.Contains(result.Tags, t => t.Theme == "bilateral");
        Assert.Equal([first, second], result.Parties);
    }

    [Fact]
    public void Lower_case_us_is_a_pronoun_not_a_country()
    {
        var result = Tagger.Tag(new TagInput("Let us talk about AI", "Join us and India for a chat.", null));

        Assert.Equal(["India"], result.Countries);
    }

    [Fact]
    public void A_longer_name_wins_over_a_name_inside_it()
    {
        var result = Tagger.Tag(new TagInput("Papua New Guinea opens AI office", null, null));

        Assert.Equal(["Papua New Guinea"], result.Countries);
    }
}
