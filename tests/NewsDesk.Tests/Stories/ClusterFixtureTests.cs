using NewsDesk.Stories;

namespace NewsDesk.Tests.Stories;

/// <summary>Golden cases: Fixtures/Stories/&lt;case&gt;/input.jsonl through the cluster runner gives expected.jsonl.</summary>
public sealed class ClusterFixtureTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Stories");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clusters_match_expected(string name)
    {
        using var input = File.OpenText(Path.Combine(Root, name, "input.jsonl"));
        using var output = new StringWriter();

        ClusterRunner.Run(input, output, new StoryMatcherOptions());

        var expected = File.ReadAllLines(Path.Combine(Root, name, "expected.jsonl")).Where(l => l.Length > 0);
        Assert.Equal(expected, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
