using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Tagging;

/// <summary>What the tagger finds is what `export --party` and the API's party filter find, through a real store.</summary>
public sealed class PartyQueryTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("eu-act", "EU AI Act obligations for general-purpose models take effect", "The European Union's rules for general-purpose AI models apply from today.", "European Union")]
    [InlineData("eu-japan", "EU and Japan agree joint AI roadmap", "The European Union and Japan agreed a roadmap on trustworthy artificial intelligence.", "European Union")]
    [InlineData("uk-gcc", "UK and Gulf Cooperation Council agree AI partnership", "The United Kingdom and the Gulf Cooperation Council agreed a partnership on artificial intelligence.", "United Kingdom")]
    [InlineData("uk-india", "UK and India sign memorandum on AI", "The United Kingdom and India signed a memorandum of understanding on artificial intelligence safety research.", "United Kingdom")]
    public void An_article_about_a_state_or_the_EU_is_found_by_that_party(string id, string title, string lede, string party)
    {
        var tagging = new ThemeTagger(Taxonomy.LoadDefault()).Tag(TagInputs.From(title, lede, lede));
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.Save(Articles.Make(id, title, Day, text: lede) with
        {
            Tags = tagging.Tags,
            Themes = [.. tagging.Tags.Select(t => t.Theme)],
            Parties = tagging.Parties,
            Countries = tagging.Countries,
            Organisations = tagging.Organisations,
        });

        var found = store.Query(new ArticleQuery { Party = party }).Select(a => a.Id).ToList();

        Assert.Equal([id], found);
    }
}
