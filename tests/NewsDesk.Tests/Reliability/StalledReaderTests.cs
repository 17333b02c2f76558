using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue 18: clients that ask the real worker for a CSV export and never read. Exports are written asynchronously,
/// bounded in number (the rest wait a few seconds for a slot, then get 503 with Retry-After) and cut off when their client takes nothing for
/// NewsDesk:Api:ExportStallTimeout, so /healthz keeps answering within a second and an export works again afterwards.
/// </summary>
public sealed class StalledReaderTests
{
    private const int StalledClients = 150;
    private const int MaxConcurrentExports = 4;
    private const int StoredArticles = 1500;

    [Fact]
    public async Task Clients_that_never_read_an_export_do_not_stop_the_worker_answering()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            // About 15 MB of CSV: far more than the socket buffers and Kestrel's response buffer hold for one client.
            var day = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
            store.InsertMany(Enumerable.Range(0, StoredArticles).Select(n => Articles.Make(
                $"a{n}", $"Article {n}", day.AddMinutes(n), ["bilateral"], text: string.Concat(Enumerable.Repeat($"Sentence {n} of a long stored article text. ", 240)))));
        }

        File.WriteAllText(temp.File("feeds.json"), """{"feeds":[]}""");
        using var worker = await WorkerProcess.StartAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Api__MaxConcurrentExports"] = MaxConcurrentExports.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewsDesk__Api__ExportStallTimeout"] = "00:00:05",
        });
        var ct = TestContext.Current.CancellationToken;

        var stalled = new List<Socket>();
        try
        {
            for (var n = 0; n < StalledClients; n++)
            {
                // A tiny receive window, and nothing is ever read until the end of the test.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048 };
                stalled.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, worker.BaseUri.Port, ct);
                await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/articles?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), ct);
            }

            // While they hang on: /healthz answers, every time, within a second. The first second after the burst is left
            // to the worker to take the 150 requests and start the exports (JIT included) on this loaded 2-core machine.
            await Task.Delay(1000, ct);
            var latencies = new List<TimeSpan>();
            for (var n = 0; n < 10; n++)
            {
                var clock = Stopwatch.StartNew();
                using var health = await worker.Http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                latencies.Add(clock.Elapsed);
                await Task.Delay(300, ct);
            }

            // Threads and resident memory while they hang on (the synchronous export held a pool thread per client).
            var (threads, residentMiB) = ProcessStatus(worker.ProcessId);
            var statuses = new Dictionary<string, int>();
            foreach (var socket in stalled)
            {
                var status = await StatusLineAsync(socket, ct);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }

            // The stalled exports are cut off (by the stall timeout, or Kestrel's minimum data rate, whichever comes
            // first), freeing their slots: a reading client then gets the whole export.
            var clock503 = Stopwatch.StartNew();
            HttpResponseMessage whole;
            while ((whole = await worker.Http.GetAsync(new Uri("/api/articles?format=csv", UriKind.Relative), ct)).StatusCode == HttpStatusCode.ServiceUnavailable
                && clock503.Elapsed < TimeSpan.FromSeconds(60))
            {
                Assert.True(whole.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to retry");
                whole.Dispose();
                await Task.Delay(1000, ct);
            }

            using var _ = whole;
            var csv = await whole.Content.ReadAsStringAsync(ct);

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{StalledClients} clients asked for a CSV export and never read: {string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}"))}; " +
                $"worker {threads} threads, {residentMiB} MiB resident; /healthz answered in {string.Join(", ", latencies.Select(l => $"{l.TotalMilliseconds:0}"))} ms; {Count(worker.Output, "cut off")} exports cut off by the stall timeout; a whole export of {csv.Length / 1_000_000.0:0.0} MB served {clock503.Elapsed.TotalSeconds:0.0} s later");
            Assert.True(threads < 100, $"{threads} threads");
            Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(1), $"/healthz took {l.TotalMilliseconds:0} ms"));
            // Each got an answer: an export (cut off later), or, once no slot came free within the wait, a 503.
            Assert.Equal(StalledClients, statuses.GetValueOrDefault("HTTP/1.1 200 OK") + statuses.GetValueOrDefault("HTTP/1.1 503 Service Unavailable"));
            Assert.True(statuses.GetValueOrDefault("HTTP/1.1 503 Service Unavailable") >= StalledClients / 2, "most were refused");
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.StartsWith("schema_version,id,url", csv, StringComparison.Ordinal);
            Assert.Equal(StoredArticles, Count(csv, ",https://example.org/a"));
            Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var socket in stalled)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>The first line the worker sent on <paramref name="socket"/>, or what became of the connection.</summary>
    private static async Task<string> StatusLineAsync(Socket socket, CancellationToken ct)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            while (await socket.ReceiveAsync(one, limit.Token) == 1 && one[0] != '\n')
            {
                line.Append((char)one[0]);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return $"({ex.GetType().Name})";
        }

        return line.ToString().TrimEnd('\r');
    }

    private static (int Threads, long ResidentMiB) ProcessStatus(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return ((int)Field("Threads"), Field("VmRSS") / 1024);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
