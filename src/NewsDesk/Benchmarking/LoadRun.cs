using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsDesk.Benchmarking;

/// <summary>
/// A closed-loop load client for the worker's read API: <c>concurrency</c> loops, each sending its next request as
/// soon as the previous body has been read to the end, for a fixed duration. Every response must be 2xx with its
/// whole body; anything else is an error counted by kind (http_NNN, timeout, connection, body).
/// </summary>
public sealed class LoadRun(Uri baseUrl, int concurrency, TimeSpan duration, TimeSpan requestTimeout)
{
    private static readonly TimeSpan IdRefresh = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, long> _errorsByKind = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private long _next;
    private long _bytes;

    public async Task<LoadReport> RunAsync(CancellationToken ct)
    {
        // The operator names the URL, so this client is not the guarded fetcher: it exists to hit loopback.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        var targets = new LoadTargets();
        await targets.DiscoverAsync(client, ct).ConfigureAwait(false);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var samples = new List<Sample>[concurrency];
        var clock = Stopwatch.StartNew();
        var refresher = RefreshIdsAsync(client, targets, stop.Token);
        var loops = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () => samples[i] = await LoopAsync(client, targets, clock, stop.Token).ConfigureAwait(false), CancellationToken.None)).ToArray();
        await Task.WhenAll(loops).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync().ConfigureAwait(false);
        await refresher.ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return Report(samples.SelectMany(s => s).ToList(), elapsed, targets.Skipped);
    }

    private async Task<List<Sample>> LoopAsync(HttpClient client, LoadTargets targets, Stopwatch clock, CancellationToken ct)
    {
        var samples = new List<Sample>(4096);
        var buffer = new byte[64 * 1024];
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var path = targets.Path(Interlocked.Increment(ref _next) - 1);
            var started = Stopwatch.GetTimestamp();
            var error = await SendAsync(client, path, buffer, ct).ConfigureAwait(false);
            samples.Add(new Sample(LoadTargets.Endpoint(path), Stopwatch.GetElapsedTime(started).TotalMilliseconds, error is not null));
            if (error is not null)
            {
                _errorsByKind.AddOrUpdate(error.Value.Kind, 1, (_, n) => n + 1);
                if (_errorSamples.Count < 10)
                {
                    _errorSamples.Enqueue($"{path}: {error.Value.Message}");
                }
            }
        }

        return samples;
    }

    private async Task<(string Kind, string Message)?> SendAsync(HttpClient client, string path, byte[] buffer, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(requestTimeout);
        var stage = "connection";
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            stage = "body";
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            long read = 0;
            int n;
            while ((n = await body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            Interlocked.Add(ref _bytes, read);
            return response.IsSuccessStatusCode ? null : ("http_" + (int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ("timeout", $"no complete answer within {requestTimeout.TotalSeconds:0.#} s ({stage})");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or WebException)
        {
            return (stage, ex.Message);
        }
    }

    /// <summary>Keeps the article ids current while an ingest adds articles; a failed refresh is an error too.</summary>
    private async Task RefreshIdsAsync(HttpClient client, LoadTargets targets, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(IdRefresh, ct).ConfigureAwait(false);
                await targets.RefreshIdsAsync(client, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException ex)
            {
                _errorsByKind.AddOrUpdate("refresh", 1, (_, n) => n + 1);
                _errorSamples.Enqueue("/api/articles (id refresh): " + ex.Message);
            }
        }
    }

    private LoadReport Report(List<Sample> samples, TimeSpan elapsed, List<string> skipped)
    {
        var all = samples.Select(s => s.Ms).Order().ToList();
        var endpoints = samples.GroupBy(s => s.Endpoint, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var sorted = g.Select(s => s.Ms).Order().ToList();
            return new LoadEndpointStats(g.Key, sorted.Count, g.LongCount(s => s.Failed), LoadReport.Percentile(sorted, 0.5), LoadReport.Percentile(sorted, 0.99));
        }).ToList();
        return new LoadReport
        {
            Url = baseUrl.AbsoluteUri,
            Concurrency = concurrency,
            Seconds = elapsed.TotalSeconds,
            Requests = all.Count,
            Errors = _errorsByKind.Values.Sum(),
            RequestsPerSecond = all.Count / elapsed.TotalSeconds,
            P50Ms = LoadReport.Percentile(all, 0.5),
            P90Ms = LoadReport.Percentile(all, 0.9),
            P99Ms = LoadReport.Percentile(all, 0.99),
            MaxMs = all.Count == 0 ? 0 : all[^1],
            Bytes = Interlocked.Read(ref _bytes),
            ErrorsByKind = _errorsByKind.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            Endpoints = endpoints,
            Skipped = skipped,
            ErrorSamples = [.. _errorSamples.Take(10)],
        };
    }

    private readonly record struct Sample(string Endpoint, double Ms, bool Failed);
}
