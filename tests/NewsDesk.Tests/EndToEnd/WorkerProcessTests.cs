using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.EndToEnd;

/// <summary>The real NewsDesk process: it starts, answers health checks, polls, and exits cleanly on SIGTERM.</summary>
public sealed class WorkerProcessTests
{
    [Fact]
    public async Task Worker_process_polls_and_stops_cleanly_on_sigterm()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal");
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var port = FreePort();
        var ct = TestContext.Current.CancellationToken;

        using var process = StartWorker(temp, feeds, port);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilAsync(async () => (await TryGet(http, $"http://127.0.0.1:{port}/healthz")) == HttpStatusCode.OK, "/healthz answered", ct);
            await WaitUntilAsync(async () => (await TryGet(http, $"http://127.0.0.1:{port}/readyz")) == HttpStatusCode.OK, "/readyz answered", ct);
            await WaitUntilAsync(() => Task.FromResult(feeds.Server.Requests >= 3 + SampleFeeds.EntryCount), "the feeds and pages were fetched", ct);

            using (Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
            }

            using var exit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            exit.CancelAfter(TimeSpan.FromSeconds(40));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        using var store = new LiteDbNewsStore(temp.File("news.db"));
        Assert.True(store.CountArticles() > 0);
        Assert.Equal(3, store.FeedStates().Count());
    }

    private static Process StartWorker(TempFolder temp, SampleFeeds feeds, int port)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = temp.Path,
        };
        start.Environment["NewsDesk__FeedsFile"] = feeds.FeedsFile;
        start.Environment["NewsDesk__Storage__Path"] = temp.File("news.db");
        start.Environment["NewsDesk__Digest__OutputFolder"] = temp.File("out");
        start.Environment["NewsDesk__Fetch__AllowPrivateNetworks"] = "true";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpStatusCode?> TryGet(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(200, ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
