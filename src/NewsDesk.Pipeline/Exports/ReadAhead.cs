using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace NewsDesk.Exports;

/// <summary>
/// Enumerates a source on its own thread, a few batches ahead of the caller, so that reading the store (one core) and
/// formatting and writing rows (the other) overlap. The channel is bounded, so memory stays flat: at most
/// <c>capacity</c> batches wait. An exception in the source is rethrown to the caller; when the caller stops early
/// (an exception, cancellation, or it simply stops enumerating), the reader is cancelled and waited for, so it never
/// outlives the enumeration or keeps the store busy.
/// </summary>
internal static class ReadAhead
{
    /// <summary>For a synchronous caller: it blocks while the next batch is read.</summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize, int capacity, CancellationToken ct) =>
        OfAsync(source, batchSize, capacity, ct).ToBlockingEnumerable(ct);

    /// <summary>For an asynchronous caller (the read API's exports): waiting for the next batch holds no thread.</summary>
    public static async IAsyncEnumerable<T> OfAsync<T>(IEnumerable<T> source, int batchSize, int capacity, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A thread of its own: reading the store blocks, and a pool thread could wait behind it.
        var reader = Task.Factory.StartNew(() => Produce(source, batchSize, channel.Writer, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var item in batch)
                    {
                        yield return item;
                    }
                }
            }

            // The channel closes when the source ends or throws; this rethrows what it threw.
            await reader.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // Wait for the reader to leave the store; its cancellation (or a failure already rethrown) is expected.
            try
            {
                await reader.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || reader.IsFaulted)
            {
            }
        }
    }

    private static void Produce<T>(IEnumerable<T> source, int batchSize, ChannelWriter<T[]> writer, CancellationToken ct)
    {
        try
        {
            foreach (var batch in source.Chunk(batchSize))
            {
                // Blocks while the channel is full; cancelled when the caller stops.
                writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
