using System.Text.Json.Nodes;
using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Tagging;

/// <summary>`tag` through the real executable: its evidence has the shape `export` writes, for the same article.</summary>
public sealed class TagCommandTests
{
    private const string Title = "UK and India sign AI safety memorandum";
    private const string Text = "The United Kingdom and India signed a memorandum of understanding on AI safety research on Tuesday. Both countries will share evaluation methods.";

    [Fact]
    public async Task Tag_writes_evidence_in_the_export_shape()
    {
        using var temp = new TempFolder();
        var input = new JsonObject { ["id"] = "a1", ["title"] = Title, ["text"] = Text };
        await File.WriteAllTextAsync(temp.File("in.jsonl"), input.ToJsonString() + "\n", TestContext.Current.CancellationToken);
        var result = new ThemeTagger(Taxonomy.LoadDefault()).Tag(TagInputs.From(Title, null, Text));
        Assert.NotEmpty(result.Tags);
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.Save(Articles.Make("a1", Title, DateTimeOffset.UnixEpoch.AddYears(56), text: Text) with { Tags = result.Tags, Themes = [.. result.Tags.Select(t => t.Theme)] });
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var tag = await CliProcess.RunAsync(temp.Path, env, "tag", "--in", temp.File("in.jsonl"), "--out", temp.File("out.jsonl"));
        var export = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "jsonl");

        Assert.True(tag.ExitCode == 0, tag.Stderr);
        Assert.True(export.ExitCode == 0, export.Stderr);
        var tagged = JsonNode.Parse(File.ReadAllLines(temp.File("out.jsonl")).Single())!["evidence"]!;
        var exported = JsonNode.Parse(export.Stdout.Trim())!["evidence"]!;
        Assert.IsType<JsonArray>(tagged);
        Assert.True(JsonNode.DeepEquals(exported, tagged), $"export: {exported.ToJsonString()}\ntag: {tagged.ToJsonString()}");
        Assert.NotNull(tagged[0]!["matches"]![0]!["sentence"]);
    }
}
