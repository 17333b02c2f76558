using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace NewsDesk.Fetching;

/// <summary>
/// The per-host request limit for every worker on one PostgreSQL database: a host has <c>perHost</c> slots, each a
/// PostgreSQL session advisory lock, and a request holds one (on a pooled connection of its own) until it is done.
/// A worker that dies loses its connections and with them its slots, so nothing needs cleaning up. The in-process
/// <see cref="RequestLimiter"/> still queues a worker's own requests first; this only makes the limit shared.
/// </summary>
/// <remarks>
/// Locks use PostgreSQL's two-key space: the first key marks them as host slots (so they never meet the store's own
/// locks there, and show as such in pg_locks), the second is a hash of the host name and slot number. Two hosts
/// whose hashes collide share slots, which errs on the polite side. Every worker must use the same
/// NewsDesk:Fetch:MaxConnectionsPerHost, since each tries the slots up to its own limit.
/// </remarks>
public sealed class ClusterHostGate(NpgsqlDataSource database, int perHost) : IDisposable
{
    /// <summary>"NDHS": NewsDesk host slot.</summary>
    public const int LockSpace = 0x4E444853;

    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits for a free slot of <paramref name="host"/>; dispose the result to free it.</summary>
    public async Task<IDisposable> AcquireAsync(string host, CancellationToken ct)
    {
        var wait = FirstWait;
        while (true)
        {
            try
            {
                if (await TryAcquireAsync(host, ct).ConfigureAwait(false) is { } slot)
                {
                    return slot;
                }
            }
            catch (NpgsqlException ex)
            {
                throw new FetchException($"fetch: cannot take a request slot for {host} in PostgreSQL: {ex.Message}", FetchFailure.Network, ex);
            }

            // Every slot is held by some worker: poll again, backing off (with jitter, so waiting workers spread out).
            await Task.Delay(wait * (0.5 + Random.Shared.NextDouble()), ct).ConfigureAwait(false);
            wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
        }
    }

    public void Dispose() => database.Dispose();

    private async Task<Slot?> TryAcquireAsync(string host, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            for (var slot = 0; slot < perHost; slot++)
            {
                var key = SlotKey(host, slot);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2)", connection);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = LockSpace });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key });
                if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true)
                {
                    return new Slot(connection, key);
                }
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>The host name (case-folded, as the in-process limiter compares it) and slot, hashed to 32 bits.</summary>
    public static int SlotKey(string host, int slot)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{host.ToLowerInvariant()}#{slot}"));
        return BinaryPrimitives.ReadInt32LittleEndian(hash);
    }

    private sealed class Slot(NpgsqlConnection connection, int key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Unlocked explicitly: a pooled connection keeps its session, and the session its locks, until reused.
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", connection);
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = LockSpace });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key });
                command.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The connection broke: its session is gone, and the lock with it. Throw it away rather than pool it.
                NpgsqlConnection.ClearPool(connection);
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
