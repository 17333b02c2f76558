using NewsDesk.Stories;
using Npgsql;

namespace NewsDesk.Storage;

/// <summary>
/// Holds on the PostgreSQL store: a session advisory lock (<see cref="HoldLock"/>, a hash of the name) on a connection
/// of the hold's own, so every worker and CLI on the database sees it; it ends with the handle or with the process.
/// </summary>
public sealed partial class PostgresNewsStore
{
    /// <summary>The advisory lock space (first key of pg_try_advisory_lock(int, int)) of holds; the second key is the name's hash.</summary>
    internal const int HoldLock = 0x4E44_484C;

    public IDisposable? TryHold(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = (int)StableHash.Of(name);
        var connection = _source.OpenConnection();
        try
        {
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = HoldLock }, new() { Value = key } } };
            if (command.ExecuteScalar() is true)
            {
                return new Hold(connection, key);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        connection.Dispose();
        return null;
    }

    private sealed class Hold(NpgsqlConnection connection, int key) : IDisposable
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
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, $2)", connection) { Parameters = { new() { Value = HoldLock }, new() { Value = key } } };
                command.ExecuteScalar();
            }
            finally
            {
                // Closing the session releases the lock too, should the unlock have failed.
                connection.Dispose();
            }
        }
    }
}
