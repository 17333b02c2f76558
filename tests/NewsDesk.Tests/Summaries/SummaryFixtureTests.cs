using NewsDesk.Summaries;

namespace NewsDesk.Tests.Summaries;

/// <summary>
/// Golden cases: Fixtures/Summaries/&lt;case&gt;/input.txt holds the title on its first line, a blank line, then the
/// article text; expected.txt holds the summary sentences one per line.
/// </summary>
public sealed class SummaryFixtureTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Summaries");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summary_matches_expected(string name)
    {
        var input = File.ReadAllText(Path.Combine(Root, name, "input.txt")).ReplaceLineEndings("\n");
        var separator = input.IndexOf("\n\n", StringComparison.Ordinal);
        var title = input[..separator];
        var text = input[(separator + 2)..];
        var expected = File.ReadAllLines(Path.Combine(Root, name, "expected.txt")).Where(l => l.Length > 0);

        var summary = new ExtractiveSummarizer().Summarize(text, title, null);

        Assert.Equal(expected, summary.Sentences.Select(s => s.Text));
        Assert.All(summary.Sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }
}
