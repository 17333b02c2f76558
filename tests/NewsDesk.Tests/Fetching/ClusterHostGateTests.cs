using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Tests.Support;
using Npgsql;

namespace NewsDesk.Tests.Fetching;

/// <summary>
/// Two fetchers, each with its own limiter and its own connection pool (two workers, as far as PostgreSQL can tell),
/// against one loopback host that records how many requests it has in flight: the per-host limit is the pair's.
/// </summary>
public sealed class ClusterHostGateTests
{
    private const int PerHost = 2;

    [Fact]
    public async Task Two_workers_together_never_have_more_than_the_per_host_limit_in_flight()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        var inFlight = 0;
        var maxInFlight = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/{n}", async (HttpContext context) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(300, context.RequestAborted);
            Interlocked.Decrement(ref inFlight);
            return Results.Text("ok");
        }));
        var options = new FetchOptions { AllowPrivateNetworks = true, MaxConnectionsPerHost = PerHost, MaxConcurrentRequests = 16, Timeout = TimeSpan.FromSeconds(30) };
        using var first = Limiter(db);
        using var second = Limiter(db);
        var fetchers = new[] { TestFetcher.Create(options, first), TestFetcher.Create(options, second) };

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            fetchers[i % 2].FetchAsync(new FetchRequest(server.Url(i.ToString(CultureInfo.InvariantCulture))), ct)));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        // Each limiter alone lets 2 through, so two without the shared gate reach 4.
        Assert.Equal(PerHost, maxInFlight);
        await AssertNoSlotHeldAsync(db, ct);
    }

    [Fact]
    public async Task A_slot_held_by_a_worker_that_died_is_free_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        using var dying = Limiter(db);
        var url = new Uri("https://example.org/a");
        // Every slot of the host taken, then the worker's connections gone (as when its process is killed).
        var held = new[] { await dying.AcquireAsync(url, ct), await dying.AcquireAsync(url, ct) };
        dying.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(db.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1", admin);
            kill.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ClusterHostGate.LockSpace });
            await kill.ExecuteNonQueryAsync(ct);
        }

        using var survivor = Limiter(db);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cancel.CancelAfter(TimeSpan.FromSeconds(10));
        using var lease = await survivor.AcquireAsync(url, cancel.Token);
        GC.KeepAlive(held);
    }

    private static RequestLimiter Limiter(TestPostgres db) =>
        new(PerHost, 16, new ClusterHostGate(NpgsqlDataSource.Create(db.ConnectionString), PerHost));

    private static async Task AssertNoSlotHeldAsync(TestPostgres db, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ClusterHostGate.LockSpace });
        Assert.Equal(0L, await command.ExecuteScalarAsync(ct));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
