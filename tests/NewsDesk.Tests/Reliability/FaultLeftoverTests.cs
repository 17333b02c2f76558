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
        Assert.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        using (var store = new NewsStore(temp.File("n.db")))
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

    [Fact]
    public async Task Backup_on_a_full_disk_fails_with_one_line_leaves_no_file_and_the_retry_is_not_refused()
    {
        using var disk = TmpfsMount.TryMount(4L << 20, out var whyNot);
        Assert.SkipWhen(disk is null, whyNot ?? "");
        using var temp = new TempFolder();
        using (var store = new NewsStore(temp.File("n.db")))
        {
            store.InsertMany(Enumerable.Range(0, 200).Select(i => Articles.Make($"a{i}", $"Article {i}", Day, text: new string('x', 2000))));
        }

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
        using var copy = new NewsStore(disk.File("copy.db"));
        Assert.Equal(200, copy.CountArticles());
    }
}
