using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>
/// Found by the red team: `db compact` on a store reached through a symbolic link (a common way to put the store on
/// another disk) renamed the compacted file over the link. The link became a separate file, the real store was never
/// compacted, and from then on the worker and the command line could be writing two different stores.
/// </summary>
public sealed class CompactThroughLinkTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Db_compact_through_a_symbolic_link_compacts_the_real_file_and_keeps_the_link()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links are Unix here");
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("disk"));
        using (var store = new LiteDbNewsStore(temp.File("disk/real.db")))
        {
            store.InsertMany(Enumerable.Range(0, 300).Select(i => Articles.Make($"a{i}", $"Article {i}", Day.AddDays(i < 200 ? -400 : 0), text: new string('x', 3000))));
            Assert.Equal(200, store.PurgeOlderThan(Day.AddDays(-100)));
        }

        var sizeBefore = new FileInfo(temp.File("disk/real.db")).Length;
        File.CreateSymbolicLink(temp.File("news.db"), temp.File("disk/real.db"));

        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = "news.db" }, "db", "compact");

        Assert.True(code == 0, stderr);
        Assert.Contains($"{sizeBefore:N0} bytes before", stdout, StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(temp.File("news.db")).LinkTarget);
        Assert.True(new FileInfo(temp.File("disk/real.db")).Length < sizeBefore, "the real file was not compacted");
        Assert.Equal(["news.db"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        Assert.Equal(["real.db"], Directory.GetFiles(temp.File("disk")).Select(Path.GetFileName));
        using var reopened = new LiteDbNewsStore(temp.File("disk/real.db"));
        Assert.Equal(100, reopened.CountArticles());
    }
}
