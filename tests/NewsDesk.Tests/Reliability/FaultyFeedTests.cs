using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9, faulty feed servers: beside the three good sample feeds, the real worker polls a feed that answers 500,
/// one that never answers, one whose server resets the connection, and one that returns random bytes as RSS. The
/// good feeds must be fully ingested while the hanging one is still waiting, and each fault must appear in the
/// feed's status (/api/feeds) with its own kind.
/// </summary>
public sealed class FaultyFeedTests
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Failing_hanging_resetting_and_garbage_feeds_slow_nothing_else_and_are_each_recorded()
    {
        using var temp = new TempFolder();
        var hangsEnded = 0;
        await using var samples = await SampleFeeds.StartAsync(temp);
        await using var faulty = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/fail.rss", () => Results.StatusCode(500));
            app.MapGet("/hang.rss", async (CancellationToken ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                finally
                {
                    Interlocked.Increment(ref hangsEnded);
                }

                return Results.Ok();
            });
            app.MapGet("/garbage.rss", () => Results.Bytes(Garbage(), "application/rss+xml"));
        });
        using var reset = new TcpListener(IPAddress.Loopback, 0);
        reset.Start();
        var resetter = ResetEveryConnectionAsync(reset);

        var resetUrl = $"http://127.0.0.1:{((IPEndPoint)reset.LocalEndpoint).Port}/reset.rss";
        var faults = new Dictionary<string, (string Url, string Kind)>
        {
            ["fault-500"] = (faulty.Url("fail.rss").AbsoluteUri, "http_500"),
            ["fault-hang"] = (faulty.Url("hang.rss").AbsoluteUri, "timeout"),
            ["fault-reset"] = (resetUrl, "network"),
            ["fault-garbage"] = (faulty.Url("garbage.rss").AbsoluteUri, "parse"),
        };
        using (var good = JsonDocument.Parse(File.ReadAllText(samples.FeedsFile)))
        {
            var all = good.RootElement.GetProperty("feeds").EnumerateArray().Select(f => (object)f)
                .Concat(faults.Select(f => new { id = f.Key, title = f.Key, url = f.Value.Url, kind = "press", schedule = new { interval = "00:10:00" }, enabled = true }));
            File.WriteAllText(temp.File("all-feeds.json"), JsonSerializer.Serialize(new { feeds = all }));
        }

        var clock = Stopwatch.StartNew();
        using var worker = await WorkerProcess.StartAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("all-feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
            ["NewsDesk__Fetch__Timeout"] = FetchTimeout.ToString(),
        });
        var ct = TestContext.Current.CancellationToken;

        // Good articles are stored before the hanging request has ended: the good feeds do not wait for it. (All 14
        // usually arrive inside the timeout too; on a heavily loaded machine the last may not, so that is only printed.)
        var articles = 0;
        bool? hangOpenAtFirst = null;
        while (clock.Elapsed < FetchTimeout * 3 && (articles = await CountArticlesAsync(worker, ct)) < SampleFeeds.EntryCount)
        {
            hangOpenAtFirst ??= articles > 0 ? Volatile.Read(ref hangsEnded) == 0 : null;
            await Task.Delay(200, ct);
        }

        hangOpenAtFirst ??= Volatile.Read(ref hangsEnded) == 0;
        var goodDone = clock.Elapsed;
        var hangStillOpen = !(await FeedsAsync(worker, ct))["fault-hang"].TryGetProperty("lastErrorKind", out _);

        // Then every fault is recorded, each with its own kind.
        Dictionary<string, JsonElement> status;
        do
        {
            await Task.Delay(250, ct);
            status = await FeedsAsync(worker, ct);
        }
        while (clock.Elapsed < FetchTimeout * 4 && faults.Keys.Any(id => status[id].GetProperty("consecutiveFailures").GetInt32() == 0));

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"faulty feeds: the {SampleFeeds.EntryCount} good articles were stored {goodDone.TotalSeconds:0.0} s after the worker started (hanging fetch not yet ended when the first was stored: {hangOpenAtFirst}, when the last was: {hangStillOpen}; fetch timeout {FetchTimeout.TotalSeconds:0} s)");
        foreach (var id in faults.Keys)
        {
            var feed = status[id];
            output?.WriteLine($"  {id}: {feed.GetProperty("consecutiveFailures")} failure(s), kind {Text(feed, "lastErrorKind")}: {Text(feed, "lastError")}");
        }

        Assert.Equal(SampleFeeds.EntryCount, articles);
        Assert.True(hangOpenAtFirst, "no good article was stored before the hanging fetch ended");
        foreach (var (id, (_, kind)) in faults)
        {
            Assert.True(status[id].TryGetProperty("lastErrorKind", out var recorded) && recorded.GetString() == kind, $"{id}: expected {kind}, status {status[id]}");
            Assert.False(string.IsNullOrWhiteSpace(status[id].GetProperty("lastError").GetString()));
        }

        reset.Stop();
        await resetter;
    }

    /// <summary>Accepts each connection, reads a little of the request, and resets it (RST, no response).</summary>
    private static async Task ResetEveryConnectionAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                client.LingerState = new LingerOption(true, 0);
                _ = await client.GetStream().ReadAsync(new byte[16]); // any part of the request: the reply is a reset
                client.Client.Close(0);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The listener was stopped at the end of the test.
        }
    }

    private static string? Text(JsonElement feed, string name) => feed.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static byte[] Garbage()
    {
        var bytes = new byte[4096];
        new Random(9).NextBytes(bytes);
        return bytes;
    }

    private static async Task<int> CountArticlesAsync(WorkerProcess worker, CancellationToken ct) =>
        (await worker.Http.GetStringAsync("api/articles?format=jsonl", ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static async Task<Dictionary<string, JsonElement>> FeedsAsync(WorkerProcess worker, CancellationToken ct)
    {
        using var feeds = JsonDocument.Parse(await worker.Http.GetStringAsync("api/feeds", ct));
        return feeds.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    }
}
