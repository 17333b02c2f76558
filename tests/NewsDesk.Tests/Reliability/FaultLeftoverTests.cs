using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue 18, "leftovers after a fault": on a full disk (a real one, <see cref="TmpfsMount"/>), `digest` and
/// `db backup` fail with one line and remove what they made, so the disk is no fuller and a retry with room succeeds.
/// (`db compact` on a full disk: StoreCompactionTests.)
/// </summary>
public sealed class FaultLeftoverTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Digest_on_a_full_disk_fails_with_one_line_and_leaves_no_temporary_file()
    {
        using var disk = TmpfsMount.TryMount(4L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.InsertMany(Enumerable.Range(0, 5).Select(i => Articles.Make($"a{i}", $"Article {i}", Day, ["standards"])));
        }

        var env = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = temp.File("n.db"),
            ["NewsDesk__Digest__OutputFolder"] = disk!.Path,
        };
        var filler = disk.Fill(leaveFree: 0);
        var full = await CliProcess.RunAsync(temp.Path, env, "digest", "--date", "2026-11-20");

        TestContext.Current.TestOutputHelper?.WriteLine($"exit {full.ExitCode}\n{full.Stderr}");
        Assert.Equal(1, full.ExitCode);
        var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", line, StringComparison.Ordinal);
        Assert.StartsWith("newsdesk: digest: " + disk.File("digest-2026-11-20.md") + " was not written: No space left on device", line, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));

        File.Delete(filler);
        var again = await CliProcess.RunAsync(temp.Path, env, "digest", "--date", "2026-11-20");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(["digest-2026-11-20.html", "digest-2026-11-20.json", "digest-2026-11-20.md"], Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task Export_on_a_full_disk_fails_with_one_line_and_leaves_no_file(string format)
    {
        // Found by the red team: export left a 0-byte file, which reads as an export that found nothing.
        using var disk = TmpfsMount.TryMount(4L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.InsertMany(Enumerable.Range(0, 50).Select(i => Articles.Make($"a{i}", $"Article {i}", Day, ["standards"], text: new string('x', 2000))));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var filler = disk!.Fill(leaveFree: 0);
        var full = await CliProcess.RunAsync(temp.Path, env, "export", "--format", format, "--out", disk.File("rows." + format));

        TestContext.Current.TestOutputHelper?.WriteLine($"exit {full.ExitCode}\n{full.Stderr}");
        Assert.Equal(1, full.ExitCode);
        var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", line, StringComparison.Ordinal);
        Assert.Contains("No space left on device", line, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));

        File.Delete(filler);
        var again = await CliProcess.RunAsync(temp.Path, env, "export", "--format", format, "--out", disk.File("rows." + format));
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("Exported 50 articles", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_on_a_full_disk_fails_with_one_line_leaves_no_file_and_the_retry_is_not_refused()
    {
        using var disk = TmpfsMount.TryMount(4L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        StoreOf200Articles(temp);

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var filler = disk!.Fill(leaveFree: 64 * 1024);
        var full = await CliProcess.RunAsync(temp.Path, env, "db", "backup", disk.File("copy.db"));

        TestContext.Current.TestOutputHelper?.WriteLine($"exit {full.ExitCode}\n{full.Stderr}");
        Assert.Equal(1, full.ExitCode);
        var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: storage: backup to " + disk.File("copy.db") + " failed, and nothing was left there: No space left on device", line, StringComparison.Ordinal);
        Assert.Equal(["filler.bin"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));

        File.Delete(filler);
        var again = await CliProcess.RunAsync(temp.Path, env, "db", "backup", disk.File("copy.db"));
        Assert.True(again.ExitCode == 0, again.Stderr);
        using var copy = new LiteDbNewsStore(disk.File("copy.db"));
        Assert.Equal(200, copy.CountArticles());
    }

    [Fact]
    public async Task Backup_through_a_worker_whose_temp_folder_is_full_fails_and_leaves_nothing_on_either_side()
    {
        using var disk = TmpfsMount.TryMount(4L << 20, out var whyNot);
        RequiredService.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        StoreOf200Articles(temp);

        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("n.db"),
            // The worker writes its copy to the temp folder before streaming it.
            ["TMPDIR"] = disk!.Path,
        };
        using var worker = await WorkerProcess.StartAsync(temp.Path, env);
        // With no feeds to poll, the worker opens the store at the first request that reads it.
        Assert.Contains("Article 7", await worker.Http.GetStringAsync("api/articles?format=jsonl", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var filler = disk.Fill(leaveFree: 64 * 1024);
        // The worker's address comes from ASPNETCORE_URLS, as in the container.
        var cli = new Dictionary<string, string>(env) { ["ASPNETCORE_URLS"] = worker.BaseUri.AbsoluteUri.TrimEnd('/') };
        var full = await CliProcess.RunAsync(temp.Path, cli, "db", "backup", temp.File("copy.db"));

        TestContext.Current.TestOutputHelper?.WriteLine($"exit {full.ExitCode}\n{full.Stderr}");
        Assert.Equal(1, full.ExitCode);
        var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: the worker at ", line, StringComparison.Ordinal);
        // The runtime keeps its diagnostic pipes in the temp folder too; the worker's copy went in newsdesk-backup-*.
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path, "newsdesk-backup-*"));
        Assert.False(File.Exists(temp.File("copy.db")) || File.Exists(temp.File("copy.db.partial")));

        File.Delete(filler);
        var again = await CliProcess.RunAsync(temp.Path, cli, "db", "backup", temp.File("copy.db"));
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("200 articles, copied by the worker", again.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A store at n.db in <paramref name="temp"/> with 200 articles of about 2 KB each, for the backup tests.</summary>
    private static void StoreOf200Articles(TempFolder temp)
    {
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.InsertMany(Enumerable.Range(0, 200).Select(i => Articles.Make($"a{i}", $"Article {i}", Day, text: new string('x', 2000))));
    }
}
