using System.Text;

namespace NewsDesk.Exports;

/// <summary>
/// A text writer over a memory buffer whose contents go to a destination stream in chunks, with asynchronous writes
/// only, each of which must complete within a time limit. For exports to a reader that may stall.
/// </summary>
internal sealed class ChunkedOutput : IAsyncDisposable
{
    private const int ChunkBytes = 32 * 1024;

    private readonly MemoryStream _buffer = new(ChunkBytes * 2);
    private readonly Stream _destination;
    private readonly TimeSpan _timeout;

    public ChunkedOutput(Stream destination, TimeSpan timeout)
    {
        _destination = destination;
        _timeout = timeout;
        Writer = new StreamWriter(_buffer, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true);
    }

    /// <summary>Rows are written here; nothing reaches the destination until a chunk is handed over.</summary>
    public StreamWriter Writer { get; }

    public ValueTask HandOverWhenFullAsync(CancellationToken ct) => _buffer.Length >= ChunkBytes ? new(HandOverAsync(ct)) : ValueTask.CompletedTask;

    public async Task FinishAsync(CancellationToken ct)
    {
        await Writer.FlushAsync(ct).ConfigureAwait(false);
        await HandOverAsync(ct).ConfigureAwait(false);
    }

    private async Task HandOverAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_timeout);
        try
        {
            await _destination.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), limit.Token).ConfigureAwait(false);
            await _destination.FlushAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"export: the reader took no data for {_timeout.TotalSeconds:0} s.", ex);
        }

        _buffer.SetLength(0);
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync().ConfigureAwait(false);
        await _buffer.DisposeAsync().ConfigureAwait(false);
    }
}
