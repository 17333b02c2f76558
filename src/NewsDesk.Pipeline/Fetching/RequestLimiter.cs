using System.Collections.Concurrent;

namespace NewsDesk.Fetching;

/// <summary>
/// Caps requests in flight: at most <see cref="FetchOptions.MaxConnectionsPerHost"/> to one host and
/// <see cref="FetchOptions.MaxConcurrentRequests"/> in total, across feed polls and article fetches alike (both go
/// through the one <see cref="HttpFetcher"/>). The connection pool's own per-server limit is not enough: HTTP/2
/// multiplexes any number of requests over one connection, and it has no global limit at all. With a
/// <see cref="ClusterHostGate"/> (the PostgreSQL store) the per-host limit holds across every worker on the database.
/// </summary>
public sealed class RequestLimiter(int perHost, int total, ClusterHostGate? cluster = null) : IDisposable
{
    private readonly SemaphoreSlim _total = new(total, total);

    // One gate per host name (not per address or port: politeness is owed to the publisher). The set of hosts is
    // the feed list plus the article hosts it links to, so the dictionary stays small and is never pruned.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public int PerHost { get; } = perHost;

    public int Total { get; } = total;

    /// <summary>Waits for a slot for <paramref name="url"/>'s host, then for a global one; dispose the lease to free both.</summary>
    public async Task<IDisposable> AcquireAsync(Uri url, CancellationToken ct)
    {
        // Host first: a request queued behind a busy host must not hold a global slot that other hosts could use.
        var host = _hosts.GetOrAdd(url.IdnHost, _ => new SemaphoreSlim(PerHost, PerHost));
        await host.WaitAsync(ct).ConfigureAwait(false);
        IDisposable? shared = null;
        try
        {
            // The cluster's slot after this worker's own: a worker's queue for a host waits here, not in PostgreSQL.
            shared = cluster is null ? null : await cluster.AcquireAsync(url.IdnHost, ct).ConfigureAwait(false);
            await _total.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            shared?.Dispose();
            host.Release();
            throw;
        }

        return new Lease(host, _total, shared);
    }

    public void Dispose() => cluster?.Dispose();

    private sealed class Lease(SemaphoreSlim host, SemaphoreSlim total, IDisposable? shared) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                total.Release();
                shared?.Dispose();
                host.Release();
            }
        }
    }
}
