using Microsoft.Extensions.Options;

namespace NewsDesk.Api;

/// <summary>
/// The bound on exports running at once. A request that finds every slot taken waits a little for one (a waiting
/// request holds no thread, store reader or buffer), so a burst of ordinary clients is served in turn; past that it
/// is refused, so clients that never read cannot queue without end.
/// </summary>
public sealed class ExportSlots(IOptions<ApiOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _free = new(options.Value.MaxConcurrentExports, options.Value.MaxConcurrentExports);

    public int Capacity { get; } = options.Value.MaxConcurrentExports;

    /// <returns>The slot, to dispose when the response is done; null when none came free within <paramref name="wait"/>.</returns>
    public async Task<IDisposable?> TakeAsync(TimeSpan wait, CancellationToken ct) =>
        await _free.WaitAsync(wait, ct).ConfigureAwait(false) ? new Slot(_free) : null;

    public void Dispose() => _free.Dispose();

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                free.Release();
            }
        }
    }
}
