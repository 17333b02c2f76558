using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.EndToEnd;

/// <summary>
/// The real worker process gets SIGTERM while a poll job is stuck on a slow loopback feed: it stops within
/// NewsDesk:ShutdownTimeout (not the fetch timeout), exits 0, and the LiteDB file opens afterwards.
/// </summary>
public sealed class ShutdownTimeoutTests
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Sigterm_during_a_slow_poll_stops_within_the_shutdown_timeout_and_exits_0()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal");
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = await LoopbackServer.StartAsync(app => app.MapGet("/slow.atom", async (HttpContext context) =>
        {
            requested.TrySetResult();
            // Longer than the test would wait: only the worker's shutdown can end this poll.
            await Task.Delay(TimeSpan.FromMinutes(5), context.RequestAborted);
            return Results.Text("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "application/atom+xml");
        }));
        await File.WriteAllTextAsync(temp.File("feeds.json"), $$$"""
            {"feeds":[{"id":"slow","title":"Slow","url":"{{{slow.Url("slow.atom")}}}","kind":"press","schedule":{"interval":"00:30:00"}}]}
            """, ct);
        var port = FreePort();
        var stderr = new System.Text.StringBuilder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll"), "run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = temp.Path,
        };
        start.Environment["NewsDesk__FeedsFile"] = temp.File("feeds.json");
        start.Environment["NewsDesk__Storage__Path"] = temp.File("news.db");
        start.Environment["NewsDesk__Fetch__AllowPrivateNetworks"] = "true";
        start.Environment["NewsDesk__Fetch__Timeout"] = "00:05:00";
        start.Environment["NewsDesk__ShutdownTimeout"] = ShutdownTimeout.ToString("c", CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        TimeSpan stopped;
        try
        {
            await requested.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
            // The poll job is now inside the fetch; give it a moment to be well under way.
            await Task.Delay(500, ct);
            var signalled = Stopwatch.StartNew();
            using (Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
            }

            using var exit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            exit.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(exit.Token);
            stopped = signalled.Elapsed;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var log = stderr.ToString();
        Assert.True(process.ExitCode == 0, log);
        // The timeout, plus the host's own stop and process exit; far below the 5-minute fetch.
        Assert.True(stopped < ShutdownTimeout + TimeSpan.FromSeconds(6), $"stopped after {stopped.TotalSeconds:F1} s\n{log}");
        Assert.Contains("Application is shutting down", log, StringComparison.Ordinal);
        // A closed store leaves no log: its pages were checkpointed into the data file and the empty log removed.
        Assert.False(File.Exists(temp.File("news-log.db")), "the store's log is still there: the store was not closed");
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        Assert.Equal(0, store.CountArticles());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
