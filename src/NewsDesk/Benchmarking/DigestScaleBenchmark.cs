using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Stories;

namespace NewsDesk.Benchmarking;

/// <summary>
/// `bench digest`: a store holding one day of N articles (plus, optionally, earlier days), then the digest for that
/// day made as `digest --date` makes it (DigestPublisher: query, group into stories, render Markdown, HTML and JSON,
/// store), timed over several runs, with the query, build and render parts timed separately as well.
/// </summary>
internal static class DigestScaleBenchmark
{
    /// <param name="desks">Also time every desk's digest for this many desks (each with its own filters), run after run.</param>
    public static async Task<string> RunAsync(string database, int articles, int background, int runs, CancellationToken ct, int desks = 0)
    {
        var matcher = new StoryMatcher();
        var day = new DateOnly(2026, 11, 20);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var seeding = Stopwatch.StartNew();
        using (var seed = new LiteDbNewsStore(database))
        {
            // Earlier days first, then the measured day: N articles spread over its 24 hours (UTC, the zone used).
            seed.InsertMany(Enumerable.Range(0, background).Select(i => SyntheticArticles.Make(1_000_000 + i, dayStart.AddMinutes(-1 - (i * 1440.0 / 300)), matcher)));
            seed.InsertMany(Enumerable.Range(0, articles).Select(i => SyntheticArticles.Make(i, dayStart.AddMinutes(i * 1439.0 / articles), matcher)));
        }

        seeding.Stop();
        using var host = NewsDeskHost.CreateTool(new Dictionary<string, string?>
        {
            ["NewsDesk:Storage:Path"] = database,
            ["NewsDesk:Digest:TimeZone"] = "UTC",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var publisher = host.Services.GetRequiredService<DigestPublisher>();
        var store = host.Services.GetRequiredService<INewsStore>();
        var builder = host.Services.GetRequiredService<DigestBuilder>();
        var zone = host.Services.GetRequiredService<IOptions<DigestOptions>>().Value.Zone();
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine(c, $"bench digest: {articles:N0} articles on {day:yyyy-MM-dd} + {background:N0} on earlier days; seeded in {seeding.Elapsed.TotalSeconds:F1} s");
        report.AppendLine("| run | publish total (query + build + render 3 formats + store) s | query s | build s | render md+html+json s | stories |");
        report.AppendLine("|---|---|---|---|---|---|");
        for (var run = 1; run <= runs; run++)
        {
            var total = Stopwatch.StartNew();
            var published = await publisher.PublishAsync(day, writeFiles: false, ct).ConfigureAwait(false);
            total.Stop();

            var t0 = Stopwatch.GetTimestamp();
            var rows = store.QueryHeadlines(new ArticleQuery { Since = dayStart, Until = dayStart.AddDays(1) }).ToList();
            var t1 = Stopwatch.GetTimestamp();
            var digest = builder.Build(day, zone, rows);
            var t2 = Stopwatch.GetTimestamp();
            var size = MarkdownDigestRenderer.Render(digest, false).Length;
            var t3 = Stopwatch.GetTimestamp();
            size += HtmlDigestRenderer.Render(digest, false).Length;
            var t4 = Stopwatch.GetTimestamp();
            size += JsonDigestRenderer.Render(digest).Length;
            var t5 = Stopwatch.GetTimestamp();
            GC.KeepAlive(size);
            report.AppendLine(c, $"| {run} | {total.Elapsed.TotalSeconds:F2} | {S(t1 - t0):F2} | {S(t2 - t1):F2} | {S(t3 - t2):F2} + {S(t4 - t3):F2} + {S(t5 - t4):F2} | {published.Digest.StoryCount:N0} from {published.Digest.ArticleCount:N0} |");
        }

        if (desks > 0)
        {
            var profiles = Desks(desks);
            report.AppendLine(c, $"\nevery desk's digest, {desks} desks ({string.Join("; ", profiles.Select(Describe))}): query, filter, build, render 3 formats, store each");
            report.AppendLine("| run | all desks together (PublishDesksAsync) s | one desk at a time (PublishAsync each) s | stories per desk |");
            report.AppendLine("|---|---|---|---|");
            for (var run = 1; run <= runs; run++)
            {
                var all = Stopwatch.StartNew();
                var published = await publisher.PublishDesksAsync(day, profiles, writeFiles: false, ct).ConfigureAwait(false);
                all.Stop();
                var each = Stopwatch.StartNew();
                foreach (var desk in profiles)
                {
                    await publisher.PublishAsync(day, writeFiles: false, ct, desk).ConfigureAwait(false);
                }

                each.Stop();
                report.AppendLine(c, $"| {run} | {all.Elapsed.TotalSeconds:F2} | {each.Elapsed.TotalSeconds:F2} | {string.Join(", ", published.Select(p => p.Digest.StoryCount))} |");
            }
        }

        return report.ToString();
    }

    /// <summary>Desks as a newsroom might set them up: two themes each, one government-only, one with a minimum score, one leaving untagged out.</summary>
    private static List<NewsDesk.Desks.DeskOptions> Desks(int count)
    {
        string[] themes = ["coalition", "bilateral", "regional", "standards", "research", "talent", "safety_ethics", "regulation"];
        return [.. Enumerable.Range(0, count).Select(i => new NewsDesk.Desks.DeskOptions
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"desk-{i + 1}"),
            Themes = [themes[i % themes.Length], themes[(i + 3) % themes.Length]],
            Sources = i % 5 == 1 ? ["government"] : [],
            MinScore = i % 5 == 2 ? 0.5 : null,
            ListUntagged = i % 5 != 3,
        })];
    }

    private static string Describe(NewsDesk.Desks.DeskOptions desk) =>
        $"{desk.Id}: {string.Join("+", desk.Themes)}{(desk.Sources.Count > 0 ? ", government only" : "")}{(desk.MinScore is { } m ? string.Create(CultureInfo.InvariantCulture, $", score ≥ {m}") : "")}";

    private static double S(long ticks) => ticks / (double)Stopwatch.Frequency;
}
