using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Benchmarking;

/// <summary>`bench seed --postgres`: the synthetic store in a PostgreSQL database, for export figures side by side with LiteDB's.</summary>
public sealed class BenchSeedPostgresTests
{
    [Fact]
    public async Task Seeds_an_empty_database_once_and_refuses_a_filled_one_or_two_targets()
    {
        await using var db = await TestPostgres.CreateAsync(TestContext.Current.CancellationToken);
        using var temp = new TempFolder();
        var none = new Dictionary<string, string>();

        var seeded = await CliProcess.RunAsync(temp.Path, none, "bench", "seed", "--postgres", db.ConnectionString, "--articles", "120");
        var again = await CliProcess.RunAsync(temp.Path, none, "bench", "seed", "--postgres", db.ConnectionString, "--articles", "120");
        var both = await CliProcess.RunAsync(temp.Path, none, "bench", "seed", "--postgres", db.ConnectionString, "--db", temp.File("n.db"));

        Assert.True(seeded.ExitCode == 0, seeded.Stdout + seeded.Stderr);
        Assert.Contains("Seeded 120 articles", seeded.Stdout, StringComparison.Ordinal);
        using (var store = new PostgresNewsStore(db.ConnectionString))
        {
            Assert.Equal(120, store.CountArticles());
            Assert.Equal(120, store.QueryExportCells(new ArticleQuery()).Count());
        }

        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith("newsdesk: ", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("already holds articles", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.False(File.Exists(temp.File("n.db")));
    }
}
