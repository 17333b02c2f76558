using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

public sealed class StoryEntitiesTests
{
    [Fact]
    public void Finds_countries_by_alias_acronyms_and_multi_word_names()
    {
        var entities = StoryEntities.Find(
            "U.S., Japanese Universities Team Up on AI",
            "The University of Leeds and the Council of Europe met NIST officials in Britain, the US said.");

        Assert.Contains("united states", entities);
        Assert.Contains("japan", entities);
        Assert.Contains("united kingdom", entities);
        Assert.Contains("nist", entities);
        Assert.Contains("university of leeds", entities);
        Assert.Contains("council of europe", entities);
        Assert.DoesNotContain(entities, e => e.Contains("universities", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_read_the_pronoun_us_as_a_country_or_run_names_across_commas()
    {
        var entities = StoryEntities.Find("", "They told us that Acme Robotics, Nova Systems and Orbit Labs agreed.");

        Assert.DoesNotContain("united states", entities);
        Assert.Equal(["acme robotics", "nova systems", "orbit labs"], entities);
    }
}
