using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>Backup while the store is open and written to, compaction, and purging by age.</summary>
public sealed class StoreMaintenanceTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backup_of_an_open_store_under_writes_is_a_complete_openable_file()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("live.db"));
        store.InsertMany(Enumerable.Range(0, 500).Select(i => Articles.Make($"a{i}", $"Article {i}", Day.AddMinutes(i), ["standards"])));
        store.Save(Articles.Make("keyed", "Article with story keys", Day) with { StoryKeys = ["k1"], StorySignature = new() });
        store.SaveFeedState(new FeedState { Id = "feed-a", TotalPolls = 3 });

        // A writer keeps going while the copy is made, as feed jobs do in a running worker.
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                store.Save(Articles.Make($"w{i}", $"Written during backup {i}", Day, ["bilateral"]));
                i++;
            }
        }, TestContext.Current.CancellationToken);
        var copied = store.Backup(temp.File("copy/backup.db"));
        await stop.CancelAsync();
        await writer;

        Assert.True(copied >= 501);
        using var copy = new LiteDbNewsStore(temp.File("copy/backup.db"));
        // The story index comes along, so the copy matches stories without being re-indexed.
        Assert.Equal(["keyed"], copy.FindStoryCandidates(["k1"], Day.AddDays(-1)).Select(c => c.Id));
        Assert.Equal(copied, copy.CountArticles());
        Assert.Equal(500, copy.Query(new ArticleQuery { Themes = ["standards"] }).Count());
        Assert.Equal(3, copy.GetFeedState("feed-a")!.TotalPolls);
        Assert.Throws<StorageException>(() => store.Backup(temp.File("copy/backup.db")));
    }

    [Fact]
    public void Compact_rebuilds_the_file_and_keeps_every_article()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.InsertMany(Enumerable.Range(0, 300).Select(i => Articles.Make($"a{i}", $"Article {i}", Day, text: new string('x', 4000))));
        store.PurgeOlderThan(Day.AddYears(1));
        store.InsertMany([Articles.Make("kept", "Kept", Day)]);
        store.Checkpoint();
        var before = new FileInfo(store.FilePath).Length;

        var saved = store.Compact();
        store.Checkpoint();

        Assert.True(saved > 0, $"nothing saved from {before} bytes");
        Assert.True(new FileInfo(store.FilePath).Length < before);
        Assert.Equal("Kept", store.FindArticle("kept")!.Title);
    }

    [Fact]
    public void Purge_removes_articles_whose_date_and_ingest_time_are_both_before_the_cutoff()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        var old = Articles.Make("old", "Old", Day.AddDays(-100));
        var oldButJustIngested = Articles.Make("late", "Old news, ingested today", Day.AddDays(-100)) with { Ingested = Day };
        var recent = Articles.Make("recent", "Recent", Day.AddDays(-5));
        store.InsertMany([old, oldButJustIngested, recent]);

        Assert.Equal(1, store.PurgeOlderThan(Day.AddDays(-30)));
        Assert.Null(store.FindArticle("old"));
        Assert.NotNull(store.FindArticle("late"));
        Assert.NotNull(store.FindArticle("recent"));
    }
}
