using System.Text.Json;
using Npgsql;

namespace NewsDesk.Storage;

/// <summary>
/// The store in a PostgreSQL database (NewsDesk:Storage:Provider = postgres), which several workers share. Plain SQL
/// through Npgsql; the schema is <see cref="PostgresSchema"/>, applied when the store opens. Each call takes a pooled
/// connection, or uses the transaction <see cref="Atomically{T}"/> opened on the calling thread. Nothing that decides
/// what another worker may do lives in this process: story assignment is serialised by an advisory lock in the database
/// (<see cref="FindStoryCandidates"/>). Articles, story members and queries: the partial files beside this one.
/// </summary>
public sealed partial class PostgresNewsStore : INewsStore
{
    /// <summary>The advisory lock (first key of pg_advisory_xact_lock(int, int); the second is 0) that serialises story assignment across workers.</summary>
    internal const int StoryKeyLock = 0x4E44_5354;

    /// <summary>How many times a transaction PostgreSQL aborted as a deadlock victim is tried in all.</summary>
    private const int DeadlockAttempts = 5;

    internal static readonly JsonSerializerOptions Json = new();

    private readonly NpgsqlDataSource _source;
    private readonly ThreadLocal<NpgsqlConnection?> _transaction = new();
    private bool _disposed;

    public PostgresNewsStore(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
        try
        {
            PostgresSchema.Apply(_source, Location);
        }
        catch (NpgsqlException ex)
        {
            _source.Dispose();
            throw new StorageException($"storage: cannot open {Location}: {ex.Message}", ex);
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    public string Location { get; }

    /// <summary>The schema migrations (there are no older article documents to rewrite here): returns 0 articles.</summary>
    public int Migrate()
    {
        PostgresSchema.Apply(_source, Location);
        return 0;
    }

    public FeedState? GetFeedState(string feedId) => Read(connection =>
    {
        using var command = Command(connection, "SELECT state FROM feeds WHERE id = @id", ("id", feedId));
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<FeedState>(json, Json) : null;
    });

    public IReadOnlyList<FeedState> FeedStates() => Read(connection =>
    {
        using var command = Command(connection, "SELECT state FROM feeds ORDER BY id");
        using var reader = command.ExecuteReader();
        var states = new List<FeedState>();
        while (reader.Read())
        {
            states.Add(JsonSerializer.Deserialize<FeedState>(reader.GetString(0), Json)!);
        }

        return (IReadOnlyList<FeedState>)states;
    });

    public void SaveFeedState(FeedState state) => Write(connection =>
    {
        using var command = Command(connection, "INSERT INTO feeds (id, state) VALUES (@id, @state) ON CONFLICT (id) DO UPDATE SET state = excluded.state",
            ("id", state.Id), ("state", Jsonb(state)));
        return command.ExecuteNonQuery();
    });

    public void SaveDigest(StoredDigest digest) => Write(connection =>
    {
        using var command = Command(connection,
            """
            INSERT INTO digests (id, generated_at, article_count, story_count, markdown, html, json)
            VALUES (@id, @generated, @articles, @stories, @markdown, @html, @json)
            ON CONFLICT (id) DO UPDATE SET generated_at = excluded.generated_at, article_count = excluded.article_count,
                story_count = excluded.story_count, markdown = excluded.markdown, html = excluded.html, json = excluded.json
            """,
            ("id", digest.Id), ("generated", digest.GeneratedAt.ToUniversalTime()), ("articles", digest.ArticleCount), ("stories", digest.StoryCount),
            ("markdown", digest.Markdown), ("html", digest.Html), ("json", digest.Json));
        return command.ExecuteNonQuery();
    });

    public string? GetRecord(string name) => Read(connection =>
    {
        using var command = Command(connection, "SELECT value FROM records WHERE name = @name", ("name", name));
        return command.ExecuteScalar() as string;
    });

    public void SaveRecord(string name, string value) => Write(connection =>
    {
        using var command = Command(connection,
            "INSERT INTO records (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated = now()",
            ("name", name), ("value", value));
        return command.ExecuteNonQuery();
    });

    public StoredDigest? GetDigest(string date) => ReadDigests("WHERE id = @id", 1, ("id", date)).FirstOrDefault();

    public IReadOnlyList<StoredDigest> Digests(int limit) => ReadDigests("ORDER BY id DESC", limit);

    private List<StoredDigest> ReadDigests(string where, int limit, params (string Name, object? Value)[] parameters) => Read(connection =>
    {
        using var command = Command(connection, $"SELECT id, generated_at, article_count, story_count, markdown, html, json FROM digests {where} LIMIT {limit}", parameters);
        using var reader = command.ExecuteReader();
        var digests = new List<StoredDigest>();
        while (reader.Read())
        {
            digests.Add(new StoredDigest
            {
                Id = reader.GetString(0),
                GeneratedAt = reader.GetFieldValue<DateTimeOffset>(1),
                ArticleCount = reader.GetInt32(2),
                StoryCount = reader.GetInt32(3),
                Markdown = reader.GetString(4),
                Html = reader.GetString(5),
                Json = reader.GetString(6),
            });
        }

        return digests;
    });

    public int CountArticles() => Read(connection =>
    {
        using var command = Command(connection, "SELECT count(*) FROM articles");
        return (int)(long)command.ExecuteScalar()!;
    });

    /// <summary>
    /// A sequence every write transaction advances once it has committed (<see cref="Bump"/>): it moves with any worker's
    /// writes, and never before what they wrote is visible.
    /// </summary>
    public long Generation => Read(connection =>
    {
        using var command = Command(connection, "SELECT last_value + (CASE WHEN is_called THEN 1 ELSE 0 END) FROM store_generation");
        return (long)command.ExecuteScalar()!;
    });

    public T Atomically<T>(Func<T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_transaction.Value is not null)
        {
            return work();
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return InTransaction(work);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < DeadlockAttempts)
            {
                // Several workers committing at once can deadlock (seen with three workers: story-key locks against
                // row locks); PostgreSQL then aborts one transaction, and running it again is the documented answer.
                // The work reads what it needs inside the transaction, so the retry decides afresh.
                Thread.Sleep(Random.Shared.Next(10, 50) * attempt);
            }
        }
    }

    private T InTransaction<T>(Func<T> work)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        _transaction.Value = connection;
        T result;
        try
        {
            result = work();
            transaction.Commit();
        }
        catch (Exception)
        {
            // A connection that broke has no transaction left to roll back; the original error is the one to report.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                transaction.Rollback();
            }

            throw;
        }
        finally
        {
            _transaction.Value = null;
        }

        // Nothing changed when the transaction rolled back; once it committed, readers must see a new generation.
        Bump(connection);
        return result;
    }

    /// <summary>Runs a read on this thread's transaction, or on a pooled connection.</summary>
    private T Read<T>(Func<NpgsqlConnection, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_transaction.Value is { } current)
        {
            return read(current);
        }

        using var connection = _source.OpenConnection();
        return read(connection);
    }

    /// <summary>Runs a write in this thread's transaction, or in one of its own.</summary>
    private T Write<T>(Func<NpgsqlConnection, T> write) => Atomically(() => write(_transaction.Value!));

    /// <summary>Advances the generation once a transaction has committed.</summary>
    private static void Bump(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT nextval('store_generation')", connection);
        command.ExecuteNonQuery();
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is NpgsqlParameter parameter ? Named(parameter, name) : new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    private static NpgsqlParameter Named(NpgsqlParameter parameter, string name)
    {
        parameter.ParameterName = name;
        return parameter;
    }

    internal static NpgsqlParameter Jsonb<T>(T value) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(value, Json) };

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _source.Dispose();
        _transaction.Dispose();
    }
}
