using System.Text.Json;
using NewsDesk.Tagging;

namespace NewsDesk.Tests.Tagging;

/// <summary>
/// The guide's hard cases as golden pairs: Fixtures/Tagging/&lt;case&gt;/input.json (title, lede) and expected.json
/// (themes, and parties when they matter). The wording is invented; the rules are the guide's.
/// </summary>
public sealed class ThemeTaggerGoldenTests
{
    private static readonly ThemeTagger Tagger = new(Taxonomy.LoadDefault());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tagging")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tags_match_the_guide(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tagging", name);
        using var input = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "input.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var root = input.RootElement;
        string? Text(string field) => root.TryGetProperty(field, out var v) ? v.GetString() : null;

        var result = Tagger.Tag(new TagInput(Text("title") ?? "", Text("lede"), Text("body")));

        var themes = expected.RootElement.GetProperty("themes").EnumerateArray().Select(e => e.GetString()!).Order().ToArray();
        Assert.Equal(themes, result.Tags.Select(t => t.Theme).Order().ToArray());
        var parties = expected.RootElement.GetProperty("parties").EnumerateArray().Select(e => e.GetString()!).ToArray();
        foreach (var party in parties)
        {
            Assert.Contains(party, result.Parties);
        }
    }
}
