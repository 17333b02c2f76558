using System.Collections.Concurrent;

namespace NewsDesk.Storage;

/// <summary>
/// Holds on the LiteDB store: the store file is opened by one process at a time (its lock), so a hold only has to
/// keep apart the jobs of this process.
/// </summary>
public sealed partial class LiteDbNewsStore
{
    private readonly ConcurrentDictionary<string, byte> _holds = new(StringComparer.Ordinal);

    public IDisposable? TryHold(string name) => _holds.TryAdd(name, 0) ? new Hold(() => _holds.TryRemove(name, out _)) : null;

    private sealed class Hold(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
