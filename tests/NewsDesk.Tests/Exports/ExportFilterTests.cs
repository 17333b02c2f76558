using System.Globalization;
using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Exports;

/// <summary>`export`'s filters through the real executable: a score threshold, dates and names that must exist.</summary>
public sealed class ExportFilterTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_min_score_between_two_tagged_articles_drops_the_weaker_one()
    {
        using var temp = new TempFolder();
        var tagger = new ThemeTagger(Taxonomy.LoadDefault());
        var weak = Tagged(tagger, "weak", "AI researchers meet", "AI researchers met in London on Tuesday.");
        var strong = Tagged(tagger, "strong", "Joint AI research call for proposals", "The two science agencies open a joint call for AI research proposals. Researchers may apply for research funding; scientific and academic teams exchange expertise in AI research.");
        var weakScore = weak.Tags.Single(t => t.Theme == "research").Score;
        var strongScore = strong.Tags.Single(t => t.Theme == "research").Score;
        Assert.InRange(weakScore, 0.5, 1);
        Assert.InRange(strongScore, 0.5, 1);
        Assert.True(strongScore > weakScore + 0.05, $"{strongScore} vs {weakScore}");
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.Save(weak);
            store.Save(strong);
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var threshold = ((weakScore + strongScore) / 2).ToString("0.###", CultureInfo.InvariantCulture);
        var all = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "jsonl", "--min-score", "0");
        var strongOnly = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "jsonl", "--min-score", threshold);

        Assert.True(strongOnly.ExitCode == 0, strongOnly.Stderr);
        Assert.Equal(2, all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var line = Assert.Single(strongOnly.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var row = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("strong", row.RootElement.GetProperty("id").GetString());
        Assert.InRange(row.RootElement.GetProperty("max_score").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("--since", "01/11/2026")]
    [InlineData("--since", "Nov 20 2026")]
    [InlineData("--until", "2026-11-20 09:00")]
    [InlineData("--min-score", "high")]
    public async Task A_value_outside_the_documented_forms_is_bad_usage_with_the_documented_message(string option, string value)
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "export", option, value);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var message = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", message, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iso_dates_and_instants_are_accepted()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"]));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var result = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "jsonl", "--since", "2026-11-22", "--until", "2026-11-22T10:00:00+00:00");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task An_unknown_theme_or_feed_is_rejected_with_the_valid_ones_listed()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"], feed: "gov-uk"));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var theme = await CliProcess.RunAsync(temp.Path, env, "export", "--theme", "standard");
        var feed = await CliProcess.RunAsync(temp.Path, env, "export", "--feed", "nosuchfeed");
        var known = await CliProcess.RunAsync(temp.Path, env, "export", "--feed", "gov-uk", "--theme", "Bilateral");

        Assert.Equal(2, theme.ExitCode);
        Assert.Equal("newsdesk: theme \"standard\" is not a theme; the themes are bilateral, regulation, regional, coalition, standards, research, talent, safety_ethics.", theme.Stderr.Trim());
        Assert.Equal(2, feed.ExitCode);
        Assert.StartsWith("newsdesk: feed \"nosuchfeed\" is not a feed id", feed.Stderr.Trim(), StringComparison.Ordinal);
        Assert.True(known.ExitCode == 0, known.Stderr);
        Assert.Equal(2, known.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static Article Tagged(ThemeTagger tagger, string id, string title, string text)
    {
        var result = tagger.Tag(new TagInput(title, null, text));
        return Articles.Make(id, title, Day, text: text) with { Tags = result.Tags, Themes = [.. result.Tags.Select(t => t.Theme)] };
    }
}
