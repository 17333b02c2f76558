using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Retagging;
using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Retag;

/// <summary>
/// Issue 22, "rules that re-apply": `retag` on a store a real `ingest --once` built from loopback feeds, run as the
/// real executable.
/// </summary>
public sealed class RetagCommandTests
{
    /// <summary>A desk's own taxonomy: one theme, on any mention of AI in the headline or lede.</summary>
    private const string DeskTaxonomy = """
        {
          "version": "desk-2026-12",
          "vocabularies": { "ai": ["AI", "artificial intelligence"] },
          "themes": [ { "name": "ai_any", "threshold": 1.0, "vocabularies": { "ai": 1.0 }, "requires": ["ai"] } ]
        }
        """;

    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task After_a_taxonomy_change_retag_retags_every_article_and_reports_the_difference_per_theme()
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var env = Environment(temp, feeds);
        var ingest = await CliProcess.RunAsync(Slow, temp.Path, env, "ingest", "--once");
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);
        var before = Stored(temp);
        Assert.NotEmpty(before);
        // Ingest records the taxonomy that tagged each article.
        Assert.All(before, a => Assert.Equal(Taxonomy.LoadDefault().Version, a.TaxonomyVersion));

        // The same taxonomy again: nothing to change, so ingest and retag tag alike.
        var same = await CliProcess.RunAsync(Slow, temp.Path, env, "retag");
        Assert.True(same.ExitCode == 0, same.Stdout + same.Stderr);
        Assert.Contains($"Retagged {before.Count} articles with taxonomy {Taxonomy.LoadDefault().Version}: 0 with other tags, 0 in another story.", same.Stdout, StringComparison.Ordinal);

        File.WriteAllText(temp.File("desk-taxonomy.json"), DeskTaxonomy);
        env["NewsDesk__TaxonomyFile"] = temp.File("desk-taxonomy.json");
        var (code, stdout, stderr) = await CliProcess.RunAsync(Slow, temp.Path, env, "retag");

        Assert.True(code == 0, stdout + stderr);
        var after = Stored(temp);
        Assert.All(after, a => Assert.Equal("desk-2026-12", a.TaxonomyVersion));
        Assert.All(after, a => Assert.True(a.Themes is [] or ["ai_any"], string.Join(",", a.Themes)));
        Assert.Contains($"Retagged {before.Count} articles with taxonomy desk-2026-12:", stdout, StringComparison.Ordinal);
        Assert.Contains($"  ai_any: +{after.Count(a => a.Themes.Length > 0)} -0", stdout, StringComparison.Ordinal);
        foreach (var theme in before.SelectMany(a => a.Themes).Distinct())
        {
            Assert.Contains($"  {theme}: +0 -{before.Count(a => a.Themes.Contains(theme))}", stdout, StringComparison.Ordinal);
        }

        // Stderr is not a terminal here: plain progress lines, no bar.
        Assert.Contains($"retag: {before.Count} of {before.Count} articles", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retag_that_was_stopped_continues_where_it_stopped()
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var env = Environment(temp, feeds);
        var ingest = await CliProcess.RunAsync(Slow, temp.Path, env, "ingest", "--once");
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);
        File.WriteAllText(temp.File("desk-taxonomy.json"), DeskTaxonomy);
        env["NewsDesk__TaxonomyFile"] = temp.File("desk-taxonomy.json");
        var count = Stored(temp).Count;

        // A first run stopped after its first batch of four, with the settings the command uses.
        using (var host = NewsDeskHost.CreateTool(env.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value)))
        {
            var retagger = ActivatorUtilities.CreateInstance<Retagger>(host.Services);
            using var stop = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                retagger.RunAsync(RetagScope.All, p => { if (p.Processed > 0) { stop.Cancel(); } }, stop.Token, batchSize: 4));
            Assert.Equal(4, retagger.Last()!.Summary.Processed);
        }

        Assert.Equal(4, Stored(temp).Count(a => a.TaxonomyVersion == "desk-2026-12"));

        var (code, stdout, stderr) = await CliProcess.RunAsync(Slow, temp.Path, env, "retag");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"retag: 4 of {count} articles (resumed)", stderr, StringComparison.Ordinal);
        // The summary is the whole run's, the four done before the stop included.
        Assert.Contains($"Retagged {count} articles with taxonomy desk-2026-12:", stdout, StringComparison.Ordinal);
        Assert.All(Stored(temp), a => Assert.Equal("desk-2026-12", a.TaxonomyVersion));
    }

    [Theory]
    [InlineData(new[] { "retag", "--since", "2026-13-01" }, 2, "since")]
    [InlineData(new[] { "retag", "--feed", "no-such-feed" }, 2, "feed \"no-such-feed\" is not a feed id")]
    public async Task Bad_input_is_one_line_and_exit_2(string[] args, int expected, string named)
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var env = Environment(temp, feeds);
        var ingest = await CliProcess.RunAsync(Slow, temp.Path, env, "ingest", "--once", "--feed", "demo-techpress");
        Assert.True(ingest.ExitCode == 0, ingest.Stdout + ingest.Stderr);

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, args);

        Assert.True(code == expected, $"exit {code}: {stdout}{stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_store_is_one_line_and_exit_1_and_creates_nothing()
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("data/news.db") };

        var (code, _, stderr) = await CliProcess.RunAsync(temp.Path, env, "retag");

        Assert.True(code == 1, $"exit {code}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"newsdesk: no store at {temp.File("data/news.db")};", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("data")));
    }

    private static Dictionary<string, string> Environment(TempFolder temp, SampleFeeds feeds) => new()
    {
        ["NewsDesk__Storage__Path"] = temp.File("news.db"),
        ["NewsDesk__FeedsFile"] = feeds.FeedsFile,
        ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
    };

    private static List<Article> Stored(TempFolder temp)
    {
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        return [.. store.Query(new ArticleQuery())];
    }
}
