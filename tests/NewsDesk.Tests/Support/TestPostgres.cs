using Npgsql;

namespace NewsDesk.Tests.Support;

/// <summary>
/// A fresh database on the PostgreSQL server named by NEWSDESK_TEST_POSTGRES (an Npgsql connection string to a
/// throwaway server; `.ci/postgres start` prints one), created from template0 and dropped on dispose. Without that
/// variable the test skips with a message, except where NEWSDESK_REQUIRE_SERVICES=1 (set by .ci/run): there a
/// missing or unreachable server fails the test, since CI must not pass by skipping.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "NEWSDESK_TEST_POSTGRES";

    private readonly string _server;

    private TestPostgres(string server, string database)
    {
        _server = server;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    /// <summary>The connection string of this test's own database.</summary>
    public string ConnectionString { get; }

    public string Database { get; }

    /// <summary>Whether CI asked for every service-backed test to run.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("NEWSDESK_REQUIRE_SERVICES") == "1";

    public static async Task<TestPostgres> CreateAsync(CancellationToken ct = default)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            const string Message = $"PostgreSQL is not configured: set {Variable} to a connection string of a throwaway server (`.ci/postgres start` prints one; .ci/run does it)";
            if (Required)
            {
                Assert.Fail(Message);
            }

            Assert.Skip(Message);
        }

        var database = "newsdesk_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE template0 ENCODING 'UTF8'", connection);
        await create.ExecuteNonQueryAsync(ct);
        return new TestPostgres(server, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
