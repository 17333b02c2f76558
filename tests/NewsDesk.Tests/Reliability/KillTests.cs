using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9: the real worker process is SIGKILLed at random points while it ingests the sample feeds, then restarted.
/// After every kill the LiteDB file must open, hold no duplicate URLs and keep every article seen before; a final
/// `ingest --once` must complete the rest. Kills: NEWSDESK_KILLS (default 20); seed: NEWSDESK_KILL_SEED (default 9).
/// </summary>
public sealed class KillTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Worker_survives_repeated_sigkill_without_losing_or_duplicating_articles()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a POSIX signal");
        var kills = Setting("NEWSDESK_KILLS", 20);
        var random = new Random(Setting("NEWSDESK_KILL_SEED", 9));
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var ct = TestContext.Current.CancellationToken;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lost = 0;
        var duplicates = 0;
        var unopenable = 0;
        var output = TestContext.Current.TestOutputHelper;
        var clock = Stopwatch.StartNew();

        for (var k = 0; k < kills; k++)
        {
            using (var process = StartWorker(temp, feeds, FreePort()))
            {
                // Kill while it works: wait for its first request to the feed server, then a random moment after.
                var before = feeds.Server.Requests;
                var started = DateTime.UtcNow;
                while (feeds.Server.Requests == before && !process.HasExited && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(20, ct);
                }

                await Task.Delay(random.Next(0, 1500), ct);
                if (!process.HasExited)
                {
                    process.Kill();
                }

                await process.WaitForExitAsync(ct);
            }

            try
            {
                using var store = new LiteDbNewsStore(temp.File("news.db"));
                var articles = store.Query(new ArticleQuery()).ToList();
                duplicates += articles.Count - articles.Select(a => a.Url).Distinct(StringComparer.Ordinal).Count();
                var ids = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                lost += seen.Count(id => !ids.Contains(id));
                seen.UnionWith(ids);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unopenable++;
                output?.WriteLine($"kill {k + 1}: store did not open: {ex.GetType().Name}: {ex.Message}");
            }
        }

        var environment = Environment(temp, feeds);
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "ingest", "--once");
        using var final = new LiteDbNewsStore(temp.File("news.db"));
        var all = final.Query(new ArticleQuery()).ToList();
        var finalDuplicates = all.Count - all.Select(a => a.Url).Distinct(StringComparer.Ordinal).Count();
        lost += seen.Count(id => all.All(a => a.Id != id));
        output?.WriteLine($"kill test: {kills} SIGKILLs survived, store failed to open {unopenable} times, {lost} articles lost, {duplicates + finalDuplicates} duplicate URLs; {seen.Count} articles committed before the final poll, {all.Count} after it (sample entries: {SampleFeeds.EntryCount}); {clock.Elapsed.TotalSeconds:0} s");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Equal(0, unopenable);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicates + finalDuplicates);
        Assert.Equal(SampleFeeds.EntryCount, all.Count);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(System.Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static Dictionary<string, string> Environment(TempFolder temp, SampleFeeds feeds) => new()
    {
        ["NewsDesk__FeedsFile"] = feeds.FeedsFile,
        ["NewsDesk__Storage__Path"] = temp.File("news.db"),
        ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
        ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
    };

    private static Process StartWorker(TempFolder temp, SampleFeeds feeds, int port)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll"), "run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = temp.Path,
        };
        foreach (var (key, value) in Environment(temp, feeds))
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
