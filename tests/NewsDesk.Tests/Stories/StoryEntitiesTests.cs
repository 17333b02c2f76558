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

    [Fact]
    public void Country_names_come_from_the_taggers_gazetteer_with_its_aliases_demonyms_and_capitals()
    {
        // "Holland" and "Ghanaian" are only in gazetteer.json, which the tagger reads; "Washington" is a capital there.
        var entities = StoryEntities.Find("Holland and Ghana sign AI pact", "Ghanaian and Dutch officials met; Washington welcomed it.");

        Assert.Contains("netherlands", entities);
        Assert.Contains("ghana", entities);
        Assert.Contains("united states", entities);
        Assert.DoesNotContain("holland", entities);
    }
}
