using System.Diagnostics;
using System.Globalization;
using NewsDesk.Extraction;
using NewsDesk.Parsing;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9: a bounded, deterministic mutation fuzzer over feeds written for these tests, the sample feeds and the
/// sample article pages. Only <see cref="FeedParseException"/> may leave <see cref="FeedParser.Parse"/>, and nothing may
/// leave <see cref="ArticleExtractor.Extract(byte[], string?, Uri?)"/>. Budget: NEWSDESK_FUZZ_SECONDS (default 15),
/// seed: NEWSDESK_FUZZ_SEED (default 9).
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Parser_and_extractor_survive_mutated_input()
    {
        var budget = TimeSpan.FromSeconds(Setting("NEWSDESK_FUZZ_SECONDS", 15));
        var seedNumber = Setting("NEWSDESK_FUZZ_SEED", 9);
        var seeds = Seeds();
        var mutator = new Mutator(seedNumber, seeds.Select(s => s.Data).ToList());
        var parser = new FeedParser();
        var extractor = new ArticleExtractor();
        var baseUrl = new Uri("https://fuzz.example.org/feed");
        var tried = 0;
        var refused = 0;
        var unhandled = new List<string>();
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            var input = mutator.Next(out var seedIndex);
            var one = Stopwatch.StartNew();
            try
            {
                parser.Parse(input, seeds[seedIndex].ContentType, baseUrl);
            }
            catch (FeedParseException)
            {
                refused++;
            }
            catch (Exception ex)
            {
                unhandled.Add($"Parse #{tried} ({seeds[seedIndex].Name}): {ex.GetType().Name}: {ex.Message}");
            }

            try
            {
                extractor.Extract(input, "text/html", baseUrl);
            }
            catch (Exception ex)
            {
                unhandled.Add($"Extract #{tried} ({seeds[seedIndex].Name}): {ex.GetType().Name}: {ex.Message}");
            }

            slowest = one.Elapsed > slowest ? one.Elapsed : slowest;
            tried++;
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"fuzz (seed {seedNumber}, {budget.TotalSeconds:0} s, {seeds.Count} seed documents): {tried} inputs tried through Parse and Extract, {refused} refused by Parse with FeedParseException, {unhandled.Count} unhandled; slowest input {slowest.TotalMilliseconds:0} ms");
        foreach (var failure in unhandled.Take(20))
        {
            output?.WriteLine("  " + failure);
        }

        Assert.True(tried > 100, $"only {tried} inputs in {budget}");
        Assert.True(unhandled.Count == 0, string.Join("\n", unhandled.Take(10)));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static List<(string Name, byte[] Data, string? ContentType)> Seeds()
    {
        var own = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Reliability", "fuzz-seeds");
        var samples = Path.Combine(RepoPaths.Root, "samples");
        var files = Directory.GetFiles(own)
            .Concat(Directory.GetFiles(Path.Combine(samples, "feeds")))
            .Concat(Directory.GetFiles(Path.Combine(samples, "pages"), "*.html", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        return [.. files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f), ContentType(f)))];
    }

    private static string? ContentType(string file) => Path.GetExtension(file) switch
    {
        ".json" => "application/feed+json",
        ".atom" => "application/atom+xml",
        ".rss" or ".xml" => "application/rss+xml",
        ".html" => "text/html",
        _ => null,
    };
}
