using NewsDesk.Tagging;

namespace NewsDesk.Tests.Tagging;

/// <summary>Organisations are found whole and reported by the gazetteer's canonical name when it knows them.</summary>
public sealed class OrganisationNameTests
{
    private static readonly ThemeTagger Tagger = new(Taxonomy.LoadDefault());

    [Theory]
    [InlineData("Japan and Association of Southeast Asian Nations agree AI skills programme", "Japan will work with the Association of Southeast Asian Nations to train 100,000 AI professionals.", "ASEAN")]
    [InlineData("CIFAR and UK launch AI safety research network", "The Canadian Institute for Advanced Research will fund joint AI safety research with the UK.", "Canadian Institute for Advanced Research")]
    [InlineData("India and Singapore sign AI memorandum", "India's Ministry of Electronics and Information Technology signed a memorandum on artificial intelligence with Singapore.", "Ministry of Electronics and Information Technology")]
    [InlineData("MeitY signs AI memorandum with Singapore", "India and Singapore signed a memorandum on artificial intelligence.", "Ministry of Electronics and Information Technology")]
    [InlineData("UK AI Security Institute publishes evaluation results", "The UK AI Security Institute published results of AI model tests.", "AI Safety Institute")]
    [InlineData("AISI and NIST align AI testing methods", "The institutes agreed common AI evaluation methods.", "AI Safety Institute")]
    [InlineData("ISO/IEC JTC 1/SC 42 publishes AI management system standard", "The committee published ISO/IEC 42001 for AI management systems.", "ISO/IEC JTC 1/SC 42")]
    public void An_organisation_is_named_whole_by_its_canonical_name(string title, string lede, string organisation)
    {
        var result = Tagger.Tag(new TagInput(title, lede, null));

        Assert.Contains(organisation, result.Organisations);
        // No half of a name ("Association of Southeast", "Ministry of Electronics", "Canadian Institute").
        Assert.DoesNotContain(result.Organisations, o => o != organisation && organisation.StartsWith(o, StringComparison.Ordinal) && o.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void The_UK_and_the_Gulf_Cooperation_Council_are_two_parties_not_one_organisation()
    {
        var result = Tagger.Tag(new TagInput("UK and Gulf Cooperation Council agree AI partnership",
            "The United Kingdom and the Gulf Cooperation Council agreed a partnership on artificial intelligence.", null));

        Assert.Equal(["Gulf Cooperation Council"], result.Organisations);
        Assert.Contains("United Kingdom", result.Countries);
    }
}
