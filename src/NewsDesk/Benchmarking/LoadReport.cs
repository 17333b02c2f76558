using System.Globalization;
using System.Text;

namespace NewsDesk.Benchmarking;

/// <summary>What a `bench load` run measured. Latencies are whole requests: headers and the full body read.</summary>
public sealed record LoadReport
{
    public required string Url { get; init; }

    public required int Concurrency { get; init; }

    public required double Seconds { get; init; }

    public required long Requests { get; init; }

    public required long Errors { get; init; }

    public required double RequestsPerSecond { get; init; }

    public required double P50Ms { get; init; }

    public required double P90Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double MaxMs { get; init; }

    public required long Bytes { get; init; }

    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }

    public required IReadOnlyList<LoadEndpointStats> Endpoints { get; init; }

    public required IReadOnlyList<string> Skipped { get; init; }

    /// <summary>Up to ten error messages, so a failing run says what failed.</summary>
    public required IReadOnlyList<string> ErrorSamples { get; init; }

    /// <summary>The value at quantile <paramref name="q"/> of sorted latencies (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"bench load: {Url}, {Concurrency} concurrent requests for {Seconds:0.0} s");
        text.AppendLine(c, $"  requests: {Requests:N0} ({RequestsPerSecond:0.0}/s), {Bytes / 1048576.0:0.0} MiB read, errors: {Errors}");
        text.AppendLine(c, $"  latency ms: p50 {P50Ms:0.0}, p90 {P90Ms:0.0}, p99 {P99Ms:0.0}, max {MaxMs:0.0}");
        foreach (var endpoint in Endpoints)
        {
            text.AppendLine(c, $"  {endpoint.Endpoint,-32} {endpoint.Requests,7:N0} requests, p50 {endpoint.P50Ms,6:0.0} ms, p99 {endpoint.P99Ms,6:0.0} ms, errors {endpoint.Errors}");
        }

        text.AppendLine("  errors by kind: " + (ErrorsByKind.Count == 0 ? "none" : string.Join(", ", ErrorsByKind.Select(e => $"{e.Key} {e.Value}"))));
        foreach (var sample in ErrorSamples)
        {
            text.AppendLine("    " + sample);
        }

        foreach (var skipped in Skipped)
        {
            text.AppendLine("  not exercised: " + skipped);
        }

        return text.ToString();
    }
}
