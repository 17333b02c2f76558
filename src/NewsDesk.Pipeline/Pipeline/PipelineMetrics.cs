using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsDesk.Pipeline;

/// <summary>
/// NewsDesk's instruments, on the Meter "NewsDesk". The worker exports them through OpenTelemetry (Prometheus text at
/// /metrics, or OTLP); without a listener each Add/Record is a no-op check, so the CLI pays nothing for them.
/// Names follow OpenTelemetry conventions (dotted, unit suffix added by the Prometheus exporter).
/// </summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "NewsDesk";

    private readonly Counter<long> _polls;
    private readonly Counter<long> _pollFailures;
    private readonly Counter<long> _articles;
    private readonly Counter<long> _fallbacks;
    private static readonly string[] StageNames =
        [.. Enum.GetValues<PipelineStage>().Select(s => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()))];

    /// <summary>
    /// Bucket bounds in seconds, the histogram's unit: from a millisecond (a store look-up) to five minutes (a slow
    /// feed's whole poll). Without them OpenTelemetry's defaults (0, 5, 10, 25 ... 10000) assume milliseconds, and
    /// every stage fell into the first bucket or two.
    /// </summary>
    private static readonly double[] StageBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _digestRuns;
    private readonly Counter<long> _purged;

    public PipelineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _polls = meter.CreateCounter<long>("newsdesk.feed.polls", "{poll}", "Feed polls attempted (skipped back-off polls excluded).");
        _pollFailures = meter.CreateCounter<long>("newsdesk.feed.poll_failures", "{poll}", "Feed polls that failed, by kind (timeout, http_503, parse, refused...).");
        _articles = meter.CreateCounter<long>("newsdesk.articles", "{article}", "Feed entries processed, by outcome: new, updated, unchanged, failed, dropped.");
        _fallbacks = meter.CreateCounter<long>("newsdesk.extraction.fallbacks", "{article}", "Articles stored with the feed's own text because the page could not be used.");
        _stageDuration = meter.CreateHistogram<double>(
            "newsdesk.stage.duration",
            "s",
            $"Time spent in one stage: poll (a whole feed), then per article {string.Join(", ", StageNames)}; and digest.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = StageBuckets });
        _digestRuns = meter.CreateCounter<long>("newsdesk.digest.runs", "{run}", "Scheduled digest runs, by result (ok, failed).");
        _purged = meter.CreateCounter<long>("newsdesk.retention.purged", "{article}", "Articles removed by the retention job.");
    }

    public void PollCompleted(string feedId, string? errorKind)
    {
        _polls.Add(1, new KeyValuePair<string, object?>("feed", feedId));
        if (errorKind is not null)
        {
            _pollFailures.Add(1, new KeyValuePair<string, object?>("feed", feedId), new KeyValuePair<string, object?>("kind", errorKind));
        }
    }

    internal void EntryProcessed(EntryOutcome outcome, bool fellBack)
    {
        _articles.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));
        if (fellBack)
        {
            _fallbacks.Add(1);
        }
    }


    /// <summary>Records the time since <paramref name="startedTimestamp"/> (a <see cref="Stopwatch"/> timestamp) for one stage.</summary>
    public void StageCompleted(string stage, long startedTimestamp) =>
        _stageDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Records one <see cref="ArticlePipeline"/> stage, named in snake case (story_match, ...).</summary>
    public void StageCompleted(PipelineStage stage, long elapsedTicks) =>
        _stageDuration.Record(elapsedTicks / (double)Stopwatch.Frequency, new KeyValuePair<string, object?>("stage", StageNames[(int)stage]));

    public void DigestRun(bool succeeded) => _digestRuns.Add(1, new KeyValuePair<string, object?>("result", succeeded ? "ok" : "failed"));

    public void Purged(int count) => _purged.Add(count);
}
