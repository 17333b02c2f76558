using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsDesk.Pipeline;
using NewsDesk.Storage;

namespace NewsDesk.Benchmarking;

/// <summary>The figures of one `bench ingest` run, printed as a table or as JSON.</summary>
internal sealed record IngestResult
{
    public required int Feeds { get; init; }
    public required int ItemsPerFeed { get; init; }
    public required string Pages { get; init; }
    public required int FeedConcurrency { get; init; }
    public required int EntryConcurrency { get; init; }
    public required bool HostPerFeed { get; init; }
    public required int Cores { get; init; }
    public required int New { get; init; }
    public required int Failed { get; init; }
    public required int FellBack { get; init; }
    public required int Unchanged { get; init; }
    public required int StoredTotal { get; init; }
    public required double Seconds { get; init; }
    public required double ArticlesPerSecond { get; init; }
    public required double P50Ms { get; init; }
    public required double P95Ms { get; init; }
    public required double RssBeforeMb { get; init; }
    public required double PeakRssMb { get; init; }
    public required string PeakRssMethod { get; init; }
    public required double CpuSeconds { get; init; }
    public required double ServerSeconds { get; init; }
    /// <summary>Per stage: summed wall-clock ms over articles ÷ stored articles (stages of different articles overlap).</summary>
    public required Dictionary<string, double> StageMsPerArticle { get; init; }
    public required int ParsePages { get; init; }
    public required double ParseMeanKb { get; init; }
    public required double ParseSeconds { get; init; }
    public required double ParsePagesPerSecond { get; init; }
    public required double RatioToParseOnly { get; init; }

    public static IngestResult From(IngestSettings settings, BenchSite site, PollCounts counts, int stored, TimeSpan elapsed, PipelineTimings timings,
        long rssBefore, long peak, string peakMethod, TimeSpan cpu, TimeSpan serving, (int Pages, long Bytes, TimeSpan Elapsed) parse, int entryConcurrency, bool hostPerFeed)
    {
        var articles = timings.Articles().Select(t => t.TotalMilliseconds).Order().ToArray();
        var done = Math.Max(1, articles.Length);
        var rate = articles.Length / elapsed.TotalSeconds;
        var parseRate = parse.Pages / parse.Elapsed.TotalSeconds;
        return new IngestResult
        {
            Feeds = settings.Feeds,
            ItemsPerFeed = settings.Items,
            Pages = site.PageSource,
            FeedConcurrency = settings.FeedConcurrency,
            EntryConcurrency = entryConcurrency,
            HostPerFeed = hostPerFeed,
            Cores = Environment.ProcessorCount,
            New = counts.New,
            Failed = counts.Failed,
            FellBack = counts.FellBack,
            Unchanged = counts.Unchanged,
            StoredTotal = stored,
            Seconds = Math.Round(elapsed.TotalSeconds, 2),
            ArticlesPerSecond = Math.Round(rate, 1),
            P50Ms = Math.Round(Percentile(articles, 0.50), 1),
            P95Ms = Math.Round(Percentile(articles, 0.95), 1),
            RssBeforeMb = Mb(rssBefore),
            PeakRssMb = Mb(peak),
            PeakRssMethod = peakMethod,
            CpuSeconds = Math.Round(cpu.TotalSeconds, 1),
            ServerSeconds = Math.Round(serving.TotalSeconds, 2),
            StageMsPerArticle = Enum.GetValues<PipelineStage>().ToDictionary(s => s.ToString(), s => Math.Round(timings.Total(s).TotalMilliseconds / done, 2)),
            ParsePages = parse.Pages,
            ParseMeanKb = Math.Round(parse.Bytes / 1024.0 / Math.Max(1, parse.Pages), 1),
            ParseSeconds = Math.Round(parse.Elapsed.TotalSeconds, 2),
            ParsePagesPerSecond = Math.Round(parseRate, 1),
            RatioToParseOnly = Math.Round(rate / parseRate, 3),
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var t = new StringBuilder();
        t.AppendLine(c, $"bench ingest: {Feeds} feeds × {ItemsPerFeed} items, pages {Pages}, {Cores} cores");
        t.AppendLine(c, $"  concurrency: {FeedConcurrency} feeds at once × {EntryConcurrency} pages per feed; {(HostPerFeed ? "one loopback host per feed (sN.localhost)" : "one shared loopback host, per-host limit raised to 64")}");
        t.AppendLine(c, $"  articles: {New} new, {Unchanged} unchanged, {Failed} failed, {FellBack} kept feed text; store holds {StoredTotal} (with warm-up)");
        t.AppendLine("| figure | value |");
        t.AppendLine("|---|---|");
        t.AppendLine(c, $"| wall time | {Seconds:F2} s |");
        t.AppendLine(c, $"| articles/s | {ArticlesPerSecond:F1} |");
        t.AppendLine(c, $"| p50 / p95 per article | {P50Ms:F1} / {P95Ms:F1} ms |");
        t.AppendLine(c, $"| peak RSS (whole process, server included) | {PeakRssMb:F1} MB ({PeakRssMethod}; {RssBeforeMb:F1} MB before) |");
        t.AppendLine(c, $"| CPU time (process) | {CpuSeconds:F1} s, of which page server handlers {ServerSeconds:F2} s |");
        foreach (var (stage, ms) in StageMsPerArticle)
        {
            t.AppendLine(c, $"| stage {stage} | {ms:F2} ms/article |");
        }

        t.AppendLine(c, $"| AngleSharp parse-only, same pages ({ParsePages}, mean {ParseMeanKb:F0} KB), degree {FeedConcurrency * EntryConcurrency} | {ParsePagesPerSecond:F1} pages/s ({ParseSeconds:F2} s) |");
        t.AppendLine(c, $"| ingest ÷ parse-only throughput | {RatioToParseOnly:F3} |");
        return t.ToString();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Mb(long bytes) => Math.Round(bytes / 1048576.0, 1);
}
