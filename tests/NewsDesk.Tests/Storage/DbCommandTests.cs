using LiteDB;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>`db migrate`, `db compact` and `db backup` through the real executable; backup both directly and via a running worker.</summary>
public sealed class DbCommandTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrate_upgrades_old_documents_and_compact_rebuilds()
    {
        using var temp = new TempFolder();
        using (var raw = new LiteDatabase(temp.File("n.db")))
        {
            raw.GetCollection("articles").Insert(new BsonDocument
            {
                ["_id"] = "old",
                ["FeedId"] = "gov",
                ["Url"] = "https://example.org/old",
                ["Title"] = "Old",
                ["Tags"] = new BsonArray(new BsonDocument { ["Theme"] = "standards", ["Score"] = 0.9 }),
            });
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var migrate = await CliProcess.RunAsync(temp.Path, env, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Contains($"1 of 1 articles upgraded to schema version {Article.CurrentSchemaVersion}", migrate.Stdout, StringComparison.Ordinal);

        var compact = await CliProcess.RunAsync(temp.Path, env, "db", "compact");
        Assert.True(compact.ExitCode == 0, compact.Stderr);
        Assert.Contains("rebuilt", compact.Stdout, StringComparison.Ordinal);

        using var store = new LiteDbNewsStore(temp.File("n.db"));
        Assert.Single(store.Query(new ArticleQuery { Themes = ["standards"] }));
    }

    [Fact]
    public async Task Backup_copies_the_file_when_no_worker_holds_it()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            store.InsertMany(Enumerable.Range(0, 20).Select(i => Articles.Make($"a{i}", $"Article {i}", Day)));
        }

        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db") };
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "db", "backup", "backups/copy.db");

        Assert.True(code == 0, stderr);
        Assert.Contains("20 articles, copied from", stdout, StringComparison.Ordinal);
        using var copy = new LiteDbNewsStore(temp.File("backups/copy.db"));
        Assert.Equal(20, copy.CountArticles());

        var again = await CliProcess.RunAsync(temp.Path, env, "db", "backup", "backups/copy.db");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_goes_through_the_worker_api_when_the_worker_holds_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{"feeds":[]}""", ct);
        await using var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(ct);
        app.Services.GetRequiredService<INewsStore>().InsertMany(Enumerable.Range(0, 30).Select(i => Articles.Make($"a{i}", $"Article {i}", Day)));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // The worker's address comes from ASPNETCORE_URLS, as in the container; no --worker needed.
        var env = new Dictionary<string, string> { ["NewsDesk__Storage__Path"] = temp.File("n.db"), ["ASPNETCORE_URLS"] = address };
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "db", "backup", temp.File("via-worker.db"));
        await app.StopAsync(ct);

        Assert.True(code == 0, stderr);
        Assert.Contains("30 articles, copied by the worker at", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("via-worker.db.partial")));
        using var copy = new LiteDbNewsStore(temp.File("via-worker.db"));
        Assert.Equal(30, copy.CountArticles());
        Assert.Equal("Article 7", copy.FindArticle("a7")!.Title);
    }
}
