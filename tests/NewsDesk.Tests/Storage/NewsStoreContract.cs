using System.Text.Json;
using NewsDesk.Exports;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>
/// What every <see cref="INewsStore"/> must do, run on each: LiteDB on a temp file (<see cref="LiteDbStoreContractTests"/>)
/// and PostgreSQL on a fresh database (<see cref="PostgresStoreContractTests"/>). One difference is part of the
/// contract: the text filter is a substring on LiteDB and full-text search on PostgreSQL, so these facts search for
/// whole words, which both find.
/// </summary>
public abstract partial class NewsStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    private INewsStore? _store;

    protected INewsStore Store => _store ?? throw new InvalidOperationException("not opened");

    /// <summary>Opens a new, empty store of this kind.</summary>
    protected abstract Task<INewsStore> OpenAsync();

    public async ValueTask InitializeAsync() => _store = await OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void Save_then_find_by_id_url_and_content_hash_gives_the_article_back_whole()
    {
        var article = WithStory(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"]) with
        {
            ContentHash = "hash-1",
            Description = "A standfirst.",
            Html = "<p>UK and India sign AI memorandum.</p>",
            Modified = Day.AddHours(1),
            Language = "en",
        }, ["k1", "k2"]);

        Assert.True(Store.Save(article));

        Assert.Equal(Json(article), Json(Store.FindArticle("a1")));
        Assert.Equal(Json(article), Json(Store.FindByUrl(article.Url)));
        Assert.Equal(Json(article), Json(Store.FindByContentHash("hash-1")));
        Assert.Null(Store.FindArticle("none"));
        Assert.Null(Store.FindByUrl("https://example.org/none"));
        Assert.Null(Store.FindByContentHash("none"));
    }

    [Fact]
    public void Saving_an_article_again_replaces_it_and_is_not_new()
    {
        var article = Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"]);
        Assert.True(Store.Save(article));
        Assert.False(Store.Save(article with { Title = "changed" }));

        Assert.Equal(1, Store.CountArticles());
        Assert.Equal("changed", Store.FindByUrl(article.Url)!.Title);
    }

    [Fact]
    public void Another_id_under_a_stored_url_is_refused()
    {
        Store.Save(Articles.Make("a1", "First", Day));

        Assert.ThrowsAny<Exception>(() => Store.Save(Articles.Make("a2", "Second", Day) with { Url = "https://example.org/a1" }));
        Assert.Equal(1, Store.CountArticles());
    }

    [Fact]
    public void Insert_many_stores_every_article_and_its_story_keys()
    {
        var articles = Enumerable.Range(0, 120).Select(i => WithStory(Articles.Make($"a{i:D3}", $"Report {i}", Day.AddMinutes(i)), [$"k{i % 7}"])).ToList();

        Assert.Equal(120, Store.InsertMany(articles, batchSize: 50));

        Assert.Equal(120, Store.CountArticles());
        Assert.Equal(17, Store.FindStoryCandidates(["k3"], Day.AddDays(-1), limit: 40).Count);
        Assert.Equal(5, Store.FindStoryCandidates(["k3"], Day.AddDays(-1), limit: 5).Count);
    }

    [Fact]
    public void Feed_state_is_saved_replaced_and_listed()
    {
        Assert.Null(Store.GetFeedState("f1"));
        var state = new FeedState { Id = "f1", Title = "Feed one", ETag = "\"e1\"", LastSuccess = Day, ConsecutiveFailures = 2, LastCounts = new PollCounts { New = 3 }, TotalPolls = 7 };
        Store.SaveFeedState(state);
        Store.SaveFeedState(new FeedState { Id = "f0", LastError = "timeout" });
        Store.SaveFeedState(state with { ETag = "\"e2\"" });

        Assert.Equal(Json(state with { ETag = "\"e2\"" }), Json(Store.GetFeedState("f1")));
        Assert.Equal(["f0", "f1"], Store.FeedStates().Select(s => s.Id).ToArray());
    }

    [Fact]
    public void Story_candidates_share_keys_most_shared_first_dated_from_since()
    {
        Store.Save(WithStory(Articles.Make("a1", "One", Day), ["k1", "k2", "k3"]));
        Store.Save(WithStory(Articles.Make("a2", "Two", Day.AddHours(1)), ["k1"]));
        Store.Save(WithStory(Articles.Make("a3", "Three", Day.AddDays(-10)), ["k1", "k2"]));
        Store.Save(WithStory(Articles.Make("a4", "Four", Day), ["k9"]));
        Store.Save(WithStory(Articles.Make("a5", "Undated", Day) with { Published = null, Ingested = Day.AddHours(2) }, ["k2"]));

        var found = Store.FindStoryCandidates(["k1", "k2", "k3"], Day.AddDays(-1));

        Assert.Equal(["a1", "a2", "a5"], found.Select(c => c.Id).Take(1).Concat(found.Skip(1).Select(c => c.Id).Order(StringComparer.Ordinal)).ToArray());
        Assert.Equal(Day, found[0].Date);
        Assert.Equal("a1", found[0].StoryId);
        Assert.Equal(["k1"], found[0].Signature.Terms);
        Assert.Null(found.Single(c => c.Id == "a5").Date);
        Assert.Equal(["a1", "a3"], Store.FindStoryCandidates(["k1", "k2", "k3"], Day.AddDays(-30), limit: 2).Select(c => c.Id).ToArray());
        Assert.Empty(Store.FindStoryCandidates([], Day));
        Assert.Empty(Store.FindStoryCandidates(["k7"], Day.AddDays(-1)));
    }

    [Fact]
    public void An_undated_look_up_finds_the_recent_weeks()
    {
        Store.Save(WithStory(Articles.Make("a1", "Recent", Day), ["k1"]));
        Store.Save(WithStory(Articles.Make("a2", "Old", Day.AddDays(-60)), ["k1"]));

        Assert.Equal(["a1"], Store.FindStoryCandidates(["k1"], since: null).Select(c => c.Id).ToArray());
    }

    [Fact]
    public void Merging_a_story_moves_its_articles_and_candidates_and_counts_follow()
    {
        Store.Save(WithStory(Articles.Make("a1", "One", Day, story: "s1"), ["k1"]));
        Store.Save(WithStory(Articles.Make("a2", "Two", Day, story: "s1"), ["k1"]));
        Store.Save(WithStory(Articles.Make("a3", "Three", Day, story: "s2"), ["k1"]));

        Assert.Equal(2, Store.CountStory("s1", 10));
        Assert.Equal(1, Store.CountStory("s1", 1));
        Assert.Equal(2, Store.MergeStory("s1", "s2"));

        Assert.Equal(0, Store.CountStory("s1", 10));
        Assert.Equal(3, Store.CountStory("s2", 10));
        Assert.All(Store.FindStoryCandidates(["k1"], Day.AddDays(-1)), c => Assert.Equal("s2", c.StoryId));
        Assert.Equal(["a1", "a2", "a3"], Ids(new ArticleQuery { Story = "s2" }));
    }

    [Fact]
    public void Query_filters_by_each_filter()
    {
        Store.Save(Articles.Make("a1", "Standards body publishes AI code", Day, ["standards"], feed: "f1") with { Organisations = ["NIST"] });
        Store.Save(Articles.Make("a2", "Joint research call opens", Day.AddDays(1), ["research"], feed: "f2") with { Parties = ["France"], Countries = ["France"] });
        Store.Save(Articles.Make("a3", "Chip maker raises funds", Day.AddDays(-3), feed: "F1", story: "s3"));

        Assert.Equal(["a1"], Ids(new ArticleQuery { Themes = ["standards"] }));
        Assert.Equal(["a1"], Ids(new ArticleQuery { Themes = ["STANDARDS"] }));
        Assert.Equal(["a1", "a2"], Ids(new ArticleQuery { Themes = ["standards", "research"] }));
        Assert.Equal(["a3", "a1"], Ids(new ArticleQuery { Feeds = ["f1"] }));
        Assert.Equal(["a2"], Ids(new ArticleQuery { Party = "france" }));
        Assert.Equal(["a3", "a1"], Ids(new ArticleQuery { Party = "India" }));
        Assert.Equal(["a1"], Ids(new ArticleQuery { Organisation = "nist" }));
        Assert.Equal(["a1", "a2"], Ids(new ArticleQuery { MinScore = 0.5 }));
        Assert.Equal(["a2"], Ids(new ArticleQuery { MinScore = 0.5, Themes = ["research"] }));
        Assert.Empty(Ids(new ArticleQuery { MinScore = 0.9 }));
        Assert.Equal(["a3"], Ids(new ArticleQuery { Story = "s3" }));
        Assert.Equal(["a2"], Ids(new ArticleQuery { Text = "RESEARCH" }));
        Assert.Equal(["a1", "a2"], Ids(new ArticleQuery { Since = Day.AddHours(-1) }));
        Assert.Equal(["a1"], Ids(new ArticleQuery { Since = Day, Until = Day.AddDays(1) }));
        Assert.Equal(["a3", "a1"], Ids(new ArticleQuery { Limit = 2 }));
        Assert.Equal(["a3", "a1", "a2"], Ids(new ArticleQuery()));
    }

    [Fact]
    public void Query_by_ingest_date_orders_and_bounds_by_the_ingest_time()
    {
        Store.Save(Articles.Make("a1", "Published late, ingested first", Day) with { Ingested = Day.AddDays(-5) });
        Store.Save(Articles.Make("a2", "Published early", Day.AddDays(-2)));
        Store.Save(Articles.Make("a3", "Undated", Day) with { Published = null, Ingested = Day.AddDays(-1) });

        Assert.Equal(["a2", "a3", "a1"], Ids(new ArticleQuery()));
        Assert.Equal(["a1", "a2", "a3"], Ids(new ArticleQuery { DateField = ArticleDateField.Ingested }));
        Assert.Equal(["a2", "a3"], Ids(new ArticleQuery { DateField = ArticleDateField.Ingested, Since = Day.AddDays(-3) }));
    }

    [Fact]
    public void Query_streams_every_article_once_in_date_then_id_order_across_chunks()
    {
        // More than any chunk of either store, with runs of equal instants across chunk boundaries.
        var articles = Enumerable.Range(0, 2300).Select(i => Articles.Make($"a{i:D4}", $"Story {i}", Day.AddMinutes(i / 700))).ToList();
        Store.InsertMany(articles.OrderBy(a => StableOrder(a.Id)));

        var read = Store.Query(new ArticleQuery()).Select(a => a.Id).ToList();
        Assert.Equal(articles.Select(a => a.Id), read);
        Assert.Equal(articles.Select(a => a.Id).Skip(700).Take(1001), Store.Query(new ArticleQuery { Since = Day.AddMinutes(1), Limit = 1001 }).Select(a => a.Id));
        Assert.Equal(2300, Store.QueryExportCells(new ArticleQuery()).Count());
    }

    [Fact]
    public void Stopping_an_export_early_leaves_the_store_usable_however_often()
    {
        Store.InsertMany(Enumerable.Range(0, 3000).Select(i => Articles.Make($"a{i:D4}", $"Story {i}", Day.AddSeconds(i))));

        // More early stops than a connection pool holds: each must give its connection back.
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal(5, Store.QueryExportCells(new ArticleQuery()).Take(5).Count());
        }

        Assert.Equal("a0000", Store.QueryExportCells(new ArticleQuery()).First()[1]);
        Assert.Equal(3000, Store.CountArticles());
        Assert.Equal(3000, Store.QueryExportCells(new ArticleQuery()).Count());
    }

    [Fact]
    public void Headlines_are_the_query_without_text_html_or_story_data()
    {
        Store.Save(WithStory(Articles.Make("a1", "One", Day) with { Html = "<p>One</p>", Description = "Standfirst" }, ["k1"]));

        var headline = Store.QueryHeadlines(new ArticleQuery { Since = Day.AddDays(-1) }).Single();

        Assert.Equal("One", headline.Title);
        Assert.Equal("", headline.Text);
        Assert.Equal("", headline.Html);
        Assert.Null(headline.StorySignature);
        Assert.Equal("One.", headline.Summary.Text);
        Assert.Equal(Day, headline.Published);
    }

    [Fact]
    public void Export_cells_equal_what_the_article_path_writes()
    {
        Store.Save(Articles.Make("a1", "=SUM(A1) \"quoted\", with comma", Day, ["standards", "research"]) with { Byline = "Ana Ruiz", Description = "Line one\nline two" });
        Store.Save(Articles.Make("a2", "Unicode é ü ✓ and <tags>", Day.AddHours(1)) with { Source = null, Language = "fr", FallbackReason = "paywall" });
        Store.Save(Articles.Make("a3", "Undated", Day) with { Published = null });

        using var fromCells = new StringWriter();
        using var fromArticles = new StringWriter();
        ArticleExporter.Write(Store, new ArticleQuery(), ExportFormat.Csv, fromCells, ct: TestContext.Current.CancellationToken);
        ArticleExporter.Write(Store.Query(new ArticleQuery()), ExportFormat.Csv, fromArticles, ct: TestContext.Current.CancellationToken);

        Assert.Equal(fromArticles.ToString(), fromCells.ToString());
        Assert.Equal(4, fromCells.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void A_named_record_is_absent_then_saved_then_replaced()
    {
        Assert.Null(Store.GetRecord("alerts"));
        Store.SaveRecord("alerts", """{"stories":{}}""");
        Store.SaveRecord("other", "x");
        Store.SaveRecord("alerts", """{"stories":{"ai":{"s1":"2026-11-22T09:30:00+00:00"}}}""");

        Assert.Equal("""{"stories":{"ai":{"s1":"2026-11-22T09:30:00+00:00"}}}""", Store.GetRecord("alerts"));
        Assert.Equal("x", Store.GetRecord("other"));
    }

    [Fact]
    public void Digests_are_saved_replaced_found_and_listed_newest_first()
    {
        Store.SaveDigest(new StoredDigest { Id = "2026-11-20", GeneratedAt = Day, ArticleCount = 3, StoryCount = 2, Markdown = "# a", Html = "<h1>a</h1>", Json = "{}" });
        Store.SaveDigest(new StoredDigest { Id = "2026-11-22", GeneratedAt = Day, Markdown = "# c" });
        Store.SaveDigest(new StoredDigest { Id = "2026-11-21", GeneratedAt = Day, Markdown = "# b" });
        Store.SaveDigest(new StoredDigest { Id = "2026-11-20", GeneratedAt = Day.AddHours(1), ArticleCount = 4, Markdown = "# a2" });

        Assert.Equal("# a2", Store.GetDigest("2026-11-20")!.Markdown);
        Assert.Equal(4, Store.GetDigest("2026-11-20")!.ArticleCount);
        Assert.Equal(Day.AddHours(1), Store.GetDigest("2026-11-20")!.GeneratedAt);
        Assert.Null(Store.GetDigest("2026-11-23"));
        Assert.Equal(["2026-11-22", "2026-11-21"], Store.Digests(2).Select(d => d.Id).ToArray());
    }

    [Fact]
    public void Purge_deletes_articles_dated_and_ingested_before_the_cutoff_with_their_story_keys()
    {
        Store.Save(WithStory(Articles.Make("old", "Old", Day.AddDays(-100)), ["k1"]));
        Store.Save(WithStory(Articles.Make("late", "Old but ingested now", Day.AddDays(-100)) with { Ingested = Day }, ["k1"]));
        Store.Save(WithStory(Articles.Make("new", "New", Day), ["k1"]));

        Assert.Equal(1, Store.PurgeOlderThan(Day.AddDays(-30)));

        Assert.Null(Store.FindArticle("old"));
        Assert.Equal(2, Store.CountArticles());
        Assert.DoesNotContain("old", Store.FindStoryCandidates(["k1"], Day.AddDays(-365)).Select(c => c.Id));
    }

    [Fact]
    public void Migrate_twice_changes_nothing_the_second_time_and_keeps_the_articles()
    {
        Store.Save(Articles.Make("a1", "One", Day));

        Store.Migrate();
        Assert.Equal(0, Store.Migrate());

        Assert.Equal(1, Store.CountArticles());
        Assert.Equal("One", Store.FindArticle("a1")!.Title);
    }

    [Fact]
    public async Task Migrate_from_two_threads_at_once_succeeds_on_both()
    {
        Store.Save(Articles.Make("a1", "One", Day));
        using var start = new Barrier(2);
        var both = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return Store.Migrate();
        }, TestContext.Current.CancellationToken));

        Assert.All(await Task.WhenAll(both), changed => Assert.Equal(0, changed));
        Assert.Equal(1, Store.CountArticles());
    }

    [Fact]
    public void Atomically_commits_together_or_not_at_all_and_moves_the_generation()
    {
        var before = Store.Generation;
        Store.Atomically(() =>
        {
            Store.Save(Articles.Make("a1", "One", Day));
            Assert.NotNull(Store.FindArticle("a1"));
            return Store.Save(Articles.Make("a2", "Two", Day));
        });
        var afterCommit = Store.Generation;
        Assert.NotEqual(before, afterCommit);

        Assert.Throws<InvalidOperationException>(() => Store.Atomically<bool>(() =>
        {
            Store.Save(Articles.Make("a3", "Three", Day));
            throw new InvalidOperationException("fails");
        }));

        Assert.Null(Store.FindArticle("a3"));
        Assert.Equal(2, Store.CountArticles());
        var unchanged = Store.Generation;
        Store.FindArticle("a1");
        Assert.Equal(unchanged, Store.Generation);
    }

    protected string[] Ids(ArticleQuery query) => [.. Store.Query(query).Select(a => a.Id)];

    protected static Article WithStory(Article article, string[] keys) =>
        article with { StorySignature = new StorySignature { Terms = [keys[0]], TitleSimHash = ulong.MaxValue - 7 }, StoryKeys = keys };

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static int StableOrder(string id) => (int)(StableHashOf(id) % 9973);

    private static uint StableHashOf(string text) => text.Aggregate(2166136261u, (h, c) => unchecked((h ^ c) * 16777619u));
}
