using NewsDesk.Tagging;

namespace NewsDesk.Tests.Tagging;

public sealed class TaxonomyLoadTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("newsdesk-taxonomy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    private const string Valid = """
        {
          "vocabularies": { "ai": ["AI", "artificial intelligence"] },
          "themes": [
            { "name": "quantum", "threshold": 1, "terms": { "quantum": 1 }, "requires": ["ai"] }
          ]
        }
        """;

    [Fact]
    public void The_default_taxonomy_loads_with_the_eight_guide_themes()
    {
        var taxonomy = Taxonomy.LoadDefault();

        Assert.Equal(
            ["bilateral", "coalition", "regional", "regulation", "research", "safety_ethics", "standards", "talent"],
            taxonomy.ThemeNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_operator_adds_a_theme_without_code()
    {
        var tagger = new ThemeTagger(Taxonomy.Load(Write("custom.json", Valid)));

        var result = tagger.Tag(new TagInput("Quantum meets AI", "Labs combine quantum computing and artificial intelligence.", null));

        var tag = Assert.Single(result.Tags);
        Assert.Equal("quantum", tag.Theme);
        Assert.Equal("Quantum", tag.Evidence[0].Phrase);
    }

    [Fact]
    public void A_json_syntax_error_names_the_file_and_line()
    {
        var path = Write("broken.json", "{\n  \"themes\": [\n    { \"name\": \"x\" \"threshold\": 1 }\n  ]\n}");

        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "themes": [ { "name": "quantum", "terms": { "quantum": 1 } } ] }""", "threshold", "is missing")]
    [InlineData("""{ "themes": [ { "name": "quantum", "threshold": "high", "terms": { "quantum": 1 } } ] }""", "threshold", "must be a number")]
    [InlineData("""{ "themes": [ { "name": "quantum", "threshold": 1, "terms": { "quantum": "x" } } ] }""", "terms.quantum", "must be a number")]
    [InlineData("""{ "themes": [ { "name": "quantum", "threshold": 1, "terms": { "quantum": 1 }, "requires": ["ai"] } ] }""", "requires", "'ai', which is not defined")]
    [InlineData("""{ "themes": [ { "name": "quantum", "treshold": 1, "terms": { "quantum": 1 } } ] }""", "treshold", "not a known theme field")]
    [InlineData("""{ "themes": [ { "name": "quantum", "threshold": 1, "terms": { "quantum": 1 }, "suppressedBy": ["later"] } ] }""", "suppressedBy", "defined earlier")]
    [InlineData("""{ "themes": [ { "name": "quantum", "threshold": 1, "terms": { "quantum": -1 } } ] }""", "terms", "no positive signal")]
    public void A_bad_theme_names_the_file_the_theme_and_the_field(string json, string field, string problem)
    {
        var path = Write("bad.json", json);

        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("theme 'quantum'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"field '{field}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_gazetteer_entry_names_the_gazetteer_file_the_entry_and_the_field()
    {
        var gazetteer = Write("places.json", """{ "entities": [ { "name": "Atlantis", "kind": "continent" } ] }""");
        var path = Write("with-gazetteer.json", Valid.Replace("\"themes\"", "\"gazetteer\": \"places.json\", \"themes\"", StringComparison.Ordinal));

        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Load(path));

        Assert.Contains(gazetteer, ex.Message, StringComparison.Ordinal);
        Assert.Contains("entry 'Atlantis'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'kind'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_dir, "nope.json");

        var ex = Assert.Throws<TaxonomyException>(() => Taxonomy.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
