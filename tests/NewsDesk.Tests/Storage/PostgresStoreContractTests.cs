using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using Npgsql;

namespace NewsDesk.Tests.Storage;

/// <summary>The store contract on PostgreSQL, each test in a fresh database; and what only a shared database has.</summary>
public sealed class PostgresStoreContractTests : NewsStoreContract
{
    private TestPostgres? _db;

    private TestPostgres Db => _db!;

    protected override async Task<INewsStore> OpenAsync()
    {
        _db = await TestPostgres.CreateAsync(TestContext.Current.CancellationToken);
        return new PostgresNewsStore(_db.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public void A_hold_taken_by_one_process_s_store_is_refused_to_another_until_released()
    {
        // Two store instances on one database stand for two processes (a worker and a CLI `retag`).
        using var other = new PostgresNewsStore(Db.ConnectionString);
        var hold = Store.TryHold("retag");
        Assert.NotNull(hold);
        Assert.Null(other.TryHold("retag"));
        using (var otherName = other.TryHold("something else"))
        {
            Assert.NotNull(otherName);
        }

        hold.Dispose();
        using var taken = other.TryHold("retag");
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task Two_stores_opening_a_new_database_at_once_apply_the_schema_once()
    {
        await using var fresh = await TestPostgres.CreateAsync(TestContext.Current.CancellationToken);
        using var start = new Barrier(2);
        var opened = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return new PostgresNewsStore(fresh.ConnectionString);
        }, TestContext.Current.CancellationToken)));
        try
        {
            opened[0].Save(Articles.Make("a1", "One", Day));
            Assert.Equal(1, opened[1].CountArticles());
            Assert.Equal(0, opened[1].Migrate());
            await using var connection = new NpgsqlConnection(fresh.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var versions = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_version", connection);
            await using var reader = await versions.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(reader.GetInt32(1), reader.GetInt64(0));
        }
        finally
        {
            foreach (var store in opened)
            {
                store.Dispose();
            }
        }
    }

    [Fact]
    public void A_database_from_a_newer_NewsDesk_is_refused_with_its_version()
    {
        using (var connection = new NpgsqlConnection(Db.ConnectionString))
        {
            connection.Open();
            using var newer = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (999)", connection);
            newer.ExecuteNonQuery();
        }

        var refused = Assert.Throws<StorageException>(() => new PostgresNewsStore(Db.ConnectionString));
        Assert.Contains("schema version 999", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_search_is_full_text_best_match_first()
    {
        Store.Save(Articles.Make("a1", "Safety institutes meet", Day, text: "The safety institutes of two countries met. Safety testing and safety research were discussed."));
        Store.Save(Articles.Make("a2", "Budget published", Day.AddHours(-1), text: "A budget mentions safety once."));
        Store.Save(Articles.Make("a3", "Unrelated", Day.AddHours(-2), text: "Nothing here about it."));

        Assert.Equal(["a1", "a2"], Ids(new ArticleQuery { Text = "safety" }));
        Assert.Equal(["a1"], Ids(new ArticleQuery { Text = "safety research" }));
        Assert.Equal(["a1"], Ids(new ArticleQuery { Text = "\"safety testing\"" }));
        // Whole words, where LiteDB finds substrings.
        Assert.Empty(Ids(new ArticleQuery { Text = "safe" }));
    }

    [Fact]
    public async Task The_same_articles_export_to_the_same_csv_from_both_stores()
    {
        using var temp = new TempFolder();
        using var lite = new LiteDbNewsStore(temp.File("n.db"));
        var articles = Enumerable.Range(0, 300).Select(i => Articles.Make(
            $"a{i:D3}",
            i % 3 == 0 ? $"=cmd|' /C calc'!A{i} \"quote\", comma" : $"Report {i} é ✓ <b>",
            Day.AddMinutes(i / 4),
            i % 2 == 0 ? ["standards", "research"] : [],
            text: i % 5 == 0 ? " leading space\r\nand lines\n" : null) with
        {
            Published = i % 7 == 0 ? null : Day.AddMinutes(i / 4),
            Byline = i % 4 == 0 ? null : "Ana, Ruiz",
            Description = i % 6 == 0 ? "" : "Standfirst",
        }).ToList();
        lite.InsertMany(articles);
        Store.InsertMany(articles);

        await using var fromLite = new StringWriter();
        await using var fromPostgres = new StringWriter();
        Assert.Equal(300, ArticleExporter.Write(lite, new ArticleQuery(), ExportFormat.Csv, fromLite, ct: TestContext.Current.CancellationToken));
        Assert.Equal(300, ArticleExporter.Write(Store, new ArticleQuery(), ExportFormat.Csv, fromPostgres, ct: TestContext.Current.CancellationToken));

        Assert.Equal(fromLite.ToString(), fromPostgres.ToString());
    }
}
