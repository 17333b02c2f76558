using NewsDesk.Tagging;

namespace NewsDesk.Tests.Tagging;

/// <summary>Evidence an editor believes: a country name, a bare verb, a proper name or a job title alone tags nothing.</summary>
public sealed class EvidenceRuleTests
{
    private static readonly ThemeTagger Tagger = new(Taxonomy.LoadDefault());

    [Theory]
    [InlineData("Kumo Research raises $40 million for AI models", "Kumo Research, an AI start-up in London, raised $40 million from investors to build new models.")]
    [InlineData("Research In Motion veteran joins AI start-up", "A former executive of Research In Motion joined the AI start-up as chief operating officer.")]
    [InlineData("Minister for AI and Digital Skills appointed", "The prime minister appointed a new Minister for AI and Digital Skills in a cabinet reshuffle.")]
    [InlineData("Secretary of State for Science visits AI start-up", "The Secretary of State for Science toured an AI company in Manchester on Friday and praised its chatbot.")]
    [InlineData("Customers sign up for new AI assistant", "More than a million customers signed up for the AI assistant in its first week, the company said.")]
    [InlineData("UK and India AI startups see record year", "AI companies in the United Kingdom and India raised more money than ever this year, according to investors.")]
    public void A_name_a_title_a_bare_verb_or_countries_alone_get_no_theme(string title, string lede)
    {
        var result = Tagger.Tag(new TagInput(title, lede, null));

        Assert.True(result.Tags.Length == 0, string.Join("; ", result.Tags.Select(t => $"{t.Theme}: {string.Join(", ", t.Evidence.Select(e => e.Phrase))}")));
    }

    [Fact]
    public void The_same_words_as_plain_words_or_inside_an_instruments_name_are_still_evidence()
    {
        var research = Tagger.Tag(new TagInput("Kumo Research and UK institute agree joint AI safety research",
            "Kumo Research and the UK AI Security Institute will run joint research on testing AI models.", null));
        var convention = Tagger.Tag(new TagInput("Canada and Japan sign Council of Europe AI treaty",
            "Canada and Japan signed the Council of Europe Framework Convention on Artificial Intelligence and Human Rights, Democracy and the Rule of Law.", null));

        Assert.Contains(research.Tags, t => t.Theme == "research");
        Assert.Contains(convention.Tags, t => t.Theme == "safety_ethics");
    }
}
