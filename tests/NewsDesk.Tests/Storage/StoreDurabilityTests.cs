using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>
/// What reaches the disk, and in what order, read from the system calls of the real executable (strace): a checkpoint
/// must sync the data file before it empties the log, or a power cut in between loses committed articles.
/// </summary>
public sealed partial class StoreDurabilityTests
{
    [Fact]
    public async Task Checkpoint_syncs_the_data_file_before_it_empties_the_log()
    {
        var strace = Which("strace");
        RequiredService.SkipWhen(strace is null, "strace is not installed (apt-get install strace; .ci/run installs it)");
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "news.db");
        var trace = Path.Combine(folder.Path, "trace.log");

        // bench seed stores articles through LiteDbNewsStore and closes it, which checkpoints the log into the data file.
        var start = new ProcessStartInfo(strace!, ["-f", "-e", "trace=openat,pwrite64,fsync,fdatasync,ftruncate", "-o", trace,
            "dotnet", Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll"), "bench", "seed", "--db", database, "--articles", "60"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            // Both pipes read at once, so a full one cannot stall the child.
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, await output + await errors);
        }

        var calls = Calls(File.ReadAllLines(trace));
        string Opened(string path) => calls.Last(c => c.Name == "openat" && c.Arguments.Contains($"\"{path}\"", StringComparison.Ordinal)).Result;
        var data = Opened(database);
        var log = Opened(Path.Combine(folder.Path, "news-log.db"));
        var emptied = 0;
        var dataWrittenSinceSync = false;
        foreach (var call in calls)
        {
            var fd = call.Arguments.Split(',')[0].Trim();
            if (fd == data)
            {
                dataWrittenSinceSync = call.Name switch { "pwrite64" => true, "fsync" or "fdatasync" => false, _ => dataWrittenSinceSync };
            }
            else if (fd == log && call.Name == "ftruncate")
            {
                Assert.False(dataWrittenSinceSync, "the log was emptied while pages written to the data file were not yet synced");
                emptied++;
            }
        }

        Assert.True(emptied > 0, "no checkpoint emptied the log, so nothing was checked");
    }

    /// <summary>
    /// The calls in the order they started. With several threads strace splits a call that another thread interrupts
    /// into "fsync(42 &lt;unfinished ...&gt;" and, later, "&lt;... fsync resumed&gt;) = 0"; the result is taken from the second.
    /// </summary>
    private static List<SystemCall> Calls(IEnumerable<string> lines)
    {
        var calls = new List<SystemCall>();
        var unfinished = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (Whole().Match(line) is { Success: true } whole)
            {
                calls.Add(new SystemCall(whole.Groups["name"].Value, whole.Groups["args"].Value, whole.Groups["result"].Value));
            }
            else if (Started().Match(line) is { Success: true } started)
            {
                unfinished[started.Groups["pid"].Value] = calls.Count;
                calls.Add(new SystemCall(started.Groups["name"].Value, started.Groups["args"].Value, ""));
            }
            else if (Resumed().Match(line) is { Success: true } resumed && unfinished.Remove(resumed.Groups["pid"].Value, out var index))
            {
                calls[index] = calls[index] with { Result = resumed.Groups["result"].Value };
            }
        }

        return calls;
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    // "4160  pwrite64(42, "..."..., 8192, 0) = 8192": process id, call, arguments, result.
    [GeneratedRegex(@"^\d+\s+(?<name>[a-z0-9_]+)\((?<args>.*)\)\s+=\s+(?<result>-?\d+)")]
    private static partial Regex Whole();

    [GeneratedRegex(@"^(?<pid>\d+)\s+(?<name>[a-z0-9_]+)\((?<args>.*) <unfinished \.\.\.>$")]
    private static partial Regex Started();

    [GeneratedRegex(@"^(?<pid>\d+)\s+<\.\.\. [a-z0-9_]+ resumed>.*\)\s+=\s+(?<result>-?\d+)")]
    private static partial Regex Resumed();

    private sealed record SystemCall(string Name, string Arguments, string Result);
}
