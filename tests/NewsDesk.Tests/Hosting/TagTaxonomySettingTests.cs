using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Hosting;

/// <summary>
/// Found by the red team: `tag` ignored NewsDesk:TaxonomyFile, the taxonomy the worker tags with, and tagged with the
/// built-in one (exit 0), so a desk with its own themes got other tags from `tag` than from the worker.
/// </summary>
public sealed class TagTaxonomySettingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tag_without_taxonomy_uses_the_configured_taxonomy_file(bool asArgument)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("in.jsonl"), """{"id":"1","title":"UK and India sign AI standards pact","text":"The UK and India agreed to cooperate on AI standards."}""" + "\n");
        var env = new Dictionary<string, string>();
        string[] args = ["tag", "--in", "in.jsonl", "--out", "out.jsonl"];
        if (asArgument)
        {
            args = [.. args, "--NewsDesk:TaxonomyFile=desk-taxonomy.json"];
        }
        else
        {
            env["NewsDesk__TaxonomyFile"] = "desk-taxonomy.json";
        }

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, env, args);

        // The configured file is missing: tagging with another taxonomy would be a silent wrong answer.
        Assert.True(code == 2, $"exit {code}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("newsdesk: tag: taxonomy file desk-taxonomy.json not found.", line);
        Assert.False(File.Exists(temp.File("out.jsonl")));
    }
}
