using NewsDesk.Tests.Support;
using Npgsql;

namespace NewsDesk.Tests.Storage;

/// <summary>The throwaway-database fixture itself: each test gets its own empty database, gone after dispose.</summary>
public sealed class TestPostgresTests
{
    [Fact]
    public async Task Each_test_gets_its_own_database_which_is_dropped_after()
    {
        var ct = TestContext.Current.CancellationToken;
        string name;
        await using (var db = await TestPostgres.CreateAsync(ct))
        {
            name = db.Database;
            await using var connection = new NpgsqlConnection(db.ConnectionString);
            await connection.OpenAsync(ct);
            await using var query = new NpgsqlCommand("select current_database()", connection);
            Assert.Equal(name, (string?)await query.ExecuteScalarAsync(ct));
        }

        await using var server = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestPostgres.Variable));
        await server.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", server);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync(ct))!);
    }
}
