using NewsDesk.Stories;
using NewsDesk.Tagging;

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
    public void Does_not_read_the_pronoun_us_as_a_country_and_finds_organisations_whole_as_the_tagger_does()
    {
        var title = "Japan and Association of Southeast Asian Nations agree AI skills programme";
        var lede = "They told us that the Canadian Institute for Advanced Research and MeitY would join.";

        var entities = StoryEntities.Find(title, lede);

        Assert.DoesNotContain("united states", entities);
        Assert.Equal(["japan", "asean", "canadian institute for advanced research", "ministry of electronics and information technology"], entities);
        // One entity model: the story signature names what the tagger reports, lower-cased.
        var tagging = new ThemeTagger(Taxonomy.LoadDefault()).Tag(new TagInput(title, lede, null));
        Assert.Equal(
            tagging.Countries.Concat(tagging.Organisations).Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal),
            entities.Order(StringComparer.Ordinal));
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
