using System.Diagnostics;
using System.Globalization;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;

namespace NewsDesk.Benchmarking;

/// <summary>
/// `bench stories`: grows a store to each size (about 300 articles a day, the newest "now") and times story
/// matching for the next articles exactly as <see cref="ArticlePipeline"/> does it: sign the headline and lede,
/// band keys, candidates from the story-key index within the story window, compare each candidate. Each measured
/// article is then saved, and that is timed too. Flat per-article cost as the store grows is the target.
/// </summary>
internal static class StoryScaleBenchmark
{
    private const int ArticlesPerDay = 300;

    /// <summary>Writes one row per size as it is measured (a 100,000-article store takes minutes to seed).</summary>
    public static void Run(string database, IReadOnlyList<int> sizes, int sample, TextWriter report)
    {
        var matcher = new StoryMatcher();
        var window = new PipelineOptions().StoryWindow;
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var c = CultureInfo.InvariantCulture;
        report.WriteLine(string.Create(c, $"bench stories: {sample} new articles matched at each size; store grows at {ArticlesPerDay} articles/day; story window {window.TotalDays:0} days"));
        report.WriteLine("| store size | sign + keys ms | candidates query ms | compare ms | match total ms (mean / p95) | candidates (mean) | save ms (mean) | seeding s | keys into memory ms (once) |");
        report.WriteLine("|---|---|---|---|---|---|---|---|---|");
        using var store = new LiteDbNewsStore(database);
        var have = 0;
        foreach (var size in sizes.Order())
        {
            var seeding = Stopwatch.StartNew();
            if (size > have)
            {
                store.InsertMany(Enumerable.Range(have, size - have).Select(i => SyntheticArticles.Make(i, DateOf(start, i), matcher)));
                have = size;
            }

            seeding.Stop();
            // As GroupCommitter does before each group: story keys come into memory outside any transaction.
            var loading = Stopwatch.StartNew();
            store.PrepareStoryMatching(DateOf(start, have) - window);
            loading.Stop();
            double sign = 0, query = 0, compare = 0, save = 0, candidates = 0;
            var totals = new List<double>();
            for (var i = have; i < have + sample; i++)
            {
                var article = SyntheticArticles.Make(i, DateOf(start, i), matcher);
                var t0 = Stopwatch.GetTimestamp();
                var signature = matcher.Sign(article.Title, article.Description!, StoryEntities.Find(article.Title, article.Description!));
                var keys = matcher.BandKeys(signature);
                var t1 = Stopwatch.GetTimestamp();
                var found = store.FindStoryCandidates(keys, article.EffectiveDate - window);
                var t2 = Stopwatch.GetTimestamp();
                var matches = found.Count(f => matcher.IsSameStory(signature, article.EffectiveDate, f.Signature, f.Date));
                var t3 = Stopwatch.GetTimestamp();
                store.Save(article with { StorySignature = signature, StoryKeys = keys });
                var t4 = Stopwatch.GetTimestamp();
                GC.KeepAlive(matches);
                sign += Ms(t1 - t0);
                query += Ms(t2 - t1);
                compare += Ms(t3 - t2);
                save += Ms(t4 - t3);
                candidates += found.Count;
                totals.Add(Ms(t3 - t0));
            }

            have += sample;
            totals.Sort();
            report.WriteLine(string.Create(c, $"| {size:N0} | {sign / sample:F2} | {query / sample:F2} | {compare / sample:F2} | {totals.Average():F2} / {totals[(int)Math.Ceiling(0.95 * totals.Count) - 1]:F2} | {candidates / sample:F0} | {save / sample:F2} | {seeding.Elapsed.TotalSeconds:F1} | {loading.Elapsed.TotalMilliseconds:F1} |"));
            report.Flush();
        }
    }

    private static DateTimeOffset DateOf(DateTimeOffset start, int index) => start.AddMinutes(index * 1440.0 / ArticlesPerDay);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
