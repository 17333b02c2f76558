using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

public sealed class NewsStoreTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Articles_survive_reopening_with_dates_and_tags_intact()
    {
        using var temp = new TempFolder();
        var article = Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"]);
        using (var store = new LiteDbNewsStore(temp.File("n.db")))
        {
            Assert.True(store.Save(article));
            Assert.False(store.Save(article with { Title = "changed" }));
        }

        using var reopened = new LiteDbNewsStore(temp.File("n.db"));
        var read = reopened.FindByUrl(article.Url);

        Assert.NotNull(read);
        Assert.Equal("changed", read.Title);
        Assert.Equal(Day, read.Published);
        Assert.Equal(TimeSpan.Zero, read.Published!.Value.Offset);
        Assert.Equal("memorandum", read.Tags.Single().Evidence.Single().Phrase);
        Assert.Equal(1, reopened.CountArticles());
    }

    [Fact]
    public void Query_filters_by_theme_date_feed_party_score_and_text()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.Save(Articles.Make("a1", "Standards body publishes AI code", Day, ["standards"], feed: "f1"));
        store.Save(Articles.Make("a2", "Joint research call opens", Day.AddDays(1), ["research"], feed: "f2"));
        store.Save(Articles.Make("a3", "Chip maker raises funds", Day.AddDays(-3), feed: "f1"));

        Assert.Equal(["a1"], Ids(store, new ArticleQuery { Themes = ["standards"] }));
        Assert.Equal(["a1", "a2"], Ids(store, new ArticleQuery { Themes = ["standards", "research"] }));
        Assert.Equal(["a1", "a2"], Ids(store, new ArticleQuery { Since = Day.AddHours(-1) }));
        Assert.Equal(["a3", "a1"], Ids(store, new ArticleQuery { Feeds = ["f1"] }));
        Assert.Equal(["a2"], Ids(store, new ArticleQuery { Text = "RESEARCH" }));
        Assert.Equal(["a1", "a2"], Ids(store, new ArticleQuery { MinScore = 0.5 }));
        Assert.Equal(3, Ids(store, new ArticleQuery { Party = "india" }).Length);
        Assert.Empty(Ids(store, new ArticleQuery { Party = "France" }));
        Assert.Equal(["a1"], Ids(store, new ArticleQuery { Since = Day.AddHours(-1), Until = Day.AddHours(1) }));
    }

    [Fact]
    public void Query_streams_every_article_once_in_date_order_across_chunks_with_shared_dates()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        // 1,203 articles, up to 700 sharing one instant: more than a query chunk holds.
        var articles = Enumerable.Range(0, 1203).Select(i => Articles.Make($"a{i:D4}", $"Story {i}", Day.AddMinutes(i / 700), i % 3 == 0 ? ["standards"] : [])).ToList();
        store.InsertMany(articles.OrderBy(_ => Guid.NewGuid()));

        var all = store.Query(new ArticleQuery()).ToList();
        var bounded = store.Query(new ArticleQuery { Since = Day.AddMinutes(1), Until = Day.AddMinutes(2) }).ToList();
        var standards = store.Query(new ArticleQuery { Themes = ["standards"] }).ToList();

        Assert.Equal(1203, all.Count);
        Assert.Equal(1203, all.Select(a => a.Id).Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.EffectiveDate <= p.Second.EffectiveDate), "not in date order");
        Assert.Equal(503, bounded.Count);
        Assert.Equal(401, standards.Count);
    }

    [Fact]
    public void Query_walk_is_exact_at_every_chunk_boundary_for_both_date_fields_with_bounds_and_limit()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        // Runs of equal instants of every length around the chunk size, so ties straddle every chunk boundary.
        var chunk = ArticleQueryRunner.ChunkSize;
        int[] runs = [1, chunk - 1, 2, chunk, chunk + 1, 3, 2 * chunk, 7];
        var articles = new List<Article>();
        for (var run = 0; run < runs.Length; run++)
        {
            for (var i = 0; i < runs[run]; i++)
            {
                articles.Add(Articles.Make($"r{run}-{i:D4}", $"Story {run} {i}", Day.AddMinutes(run)) with { Ingested = Day.AddHours(1).AddMinutes(run) });
            }
        }

        store.InsertMany(articles.OrderBy(_ => Guid.NewGuid()));
        var expected = articles.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id).ToList();

        Assert.Equal(expected, Ids(store, new ArticleQuery()));
        Assert.Equal(expected, Ids(store, new ArticleQuery { DateField = ArticleDateField.Ingested }));
        Assert.Equal(expected.Where(id => id.StartsWith("r4-", StringComparison.Ordinal) || id.StartsWith("r5-", StringComparison.Ordinal)),
            Ids(store, new ArticleQuery { Since = Day.AddMinutes(4), Until = Day.AddMinutes(6) }));
        Assert.Equal(expected.Skip(1).Take(chunk + 5), Ids(store, new ArticleQuery { Since = Day.AddMinutes(1), Limit = chunk + 5 }));
    }

    [Fact]
    public void Story_candidates_come_from_shared_keys_within_the_window()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.Save(Articles.Make("a1", "one", Day) with { StoryKeys = ["k1", "k2"], StorySignature = new() });
        store.Save(Articles.Make("a2", "two", Day.AddDays(-10)) with { StoryKeys = ["k1"], StorySignature = new() });
        store.Save(Articles.Make("a3", "three", Day) with { StoryKeys = ["k9"], StorySignature = new() });

        var candidates = store.FindStoryCandidates(["k1", "k2"], Day.AddDays(-3));

        Assert.Equal(["a1"], candidates.Select(a => a.Id));
    }

    [Fact]
    public void Story_candidates_share_most_keys_first_are_bounded_and_survive_a_store_without_the_key_index()
    {
        using var temp = new TempFolder();
        var path = temp.File("n.db");
        using (var store = new LiteDbNewsStore(path))
        {
            store.Save(Articles.Make("a1", "one", Day) with { StoryKeys = ["k1"], StorySignature = new() });
            store.Save(Articles.Make("a2", "two", Day) with { StoryKeys = ["k1", "k2"], StorySignature = new() });
            store.Save(Articles.Make("a3", "three", Day.AddHours(1)) with { StoryKeys = ["k1", "k2", "k3"], StorySignature = new() });
            store.Save(Articles.Make("a3", "three", Day.AddHours(1)) with { StoryKeys = ["k9"], StorySignature = new() });

            Assert.Equal(["a2", "a1"], store.FindStoryCandidates(["k1", "k2", "k3"], Day.AddDays(-1)).Select(a => a.Id));
            Assert.Equal(["a2"], store.FindStoryCandidates(["k1", "k2"], Day.AddDays(-1), limit: 1).Select(a => a.Id));
        }

        // A store from before this story index layout (its marker is missing): the index is rebuilt for recent
        // articles when it opens, and the old layout's key documents go.
        using (var raw = new LiteDB.LiteDatabase(path))
        {
            raw.DropCollection("story_members");
            raw.GetCollection("story_keys").Insert(new LiteDB.BsonDocument { ["KD"] = "k9|20261122093000", ["A"] = "gone" });
        }

        using var reopened = new LiteDbNewsStore(path);
        Assert.Equal(["a3"], reopened.FindStoryCandidates(["k9"], Day.AddDays(-1)).Select(a => a.Id));
        Assert.Equal(2, reopened.FindStoryCandidates(["k1"], Day.AddDays(-1)).Count);
    }

    [Fact]
    public void A_common_story_key_is_read_newest_first_and_only_so_far()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        var count = StoryIndex.MaxPerKey + 50;
        store.Atomically(() =>
        {
            for (var i = 0; i < count; i++)
            {
                store.Save(Articles.Make($"a{i:D3}", "same", Day.AddMinutes(i), story: i < 10 ? "s" : null) with { StoryKeys = ["k1", "k2"], StorySignature = new() });
            }

            return true;
        });

        var candidates = store.FindStoryCandidates(["k1", "k2"], Day.AddDays(-1), limit: 1000);

        Assert.Equal(StoryIndex.MaxPerKey, candidates.Count);
        Assert.All(candidates, c => Assert.True(c.Date >= Day.AddMinutes(count - StoryIndex.MaxPerKey), c.Id));
        Assert.Equal(4, store.CountStory("s", upTo: 4));
        Assert.Equal(10, store.CountStory("s", upTo: 100));
    }

    [Fact]
    public void Story_keys_in_memory_cover_whatever_range_is_asked_and_reload_after_a_restart()
    {
        using var temp = new TempFolder();
        var path = temp.File("n.db");
        using (var store = new LiteDbNewsStore(path))
        {
            store.Atomically(() =>
            {
                for (var day = 0; day < 40; day++)
                {
                    store.Save(Articles.Make($"d{day:D2}", "same", Day.AddDays(-day)) with { StoryKeys = ["k1"], StorySignature = new() });
                }

                return true;
            });

            store.PrepareStoryMatching(Day.AddDays(-3));
            Assert.Equal(4, store.FindStoryCandidates(["k1"], Day.AddDays(-3), limit: 100).Count);
            // A late report dated further back asks about older days: they are loaded from the store.
            Assert.Equal(40, store.FindStoryCandidates(["k1"], Day.AddDays(-45), limit: 100).Count);
            store.Save(Articles.Make("late", "same", Day.AddDays(-50)) with { StoryKeys = ["k1"], StorySignature = new() });
            Assert.Equal(41, store.FindStoryCandidates(["k1"], Day.AddDays(-60), limit: 100).Count);
        }

        using var reopened = new LiteDbNewsStore(path);
        Assert.Equal(["d00", "d01"], reopened.FindStoryCandidates(["k1"], Day.AddDays(-1), limit: 100).Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(41, reopened.FindStoryCandidates(["k1"], Day.AddDays(-60), limit: 100).Count);
    }

    [Fact]
    public void Story_candidates_held_in_memory_equal_those_read_from_the_store_after_merges_and_a_rollback()
    {
        using var temp = new TempFolder();
        var path = temp.File("n.db");
        static StorySignature Signature(int i) => new()
        {
            MinHash = [(uint)i, uint.MaxValue - (uint)i, 7],
            TitleSimHash = ulong.MaxValue - (ulong)i,
            TitleTerms = [$"title{i}"],
            Terms = ["ai", $"term{i}"],
            Entities = ["Japan"],
        };

        List<StoryCandidate> inMemory, afterRollback;
        using (var store = new LiteDbNewsStore(path))
        {
            for (var i = 0; i < 6; i++)
            {
                // Sub-millisecond dates: the store keeps milliseconds, and so must what is held in memory.
                store.Save(Articles.Make($"a{i}", "same", Day.AddMinutes(i).AddTicks(1234)) with
                {
                    StoryId = i < 3 ? "a0" : "a3",
                    StoryKeys = ["k1", $"x{i}"],
                    StorySignature = Signature(i),
                });
            }

            store.MergeStory("a3", "a0");
            inMemory = store.FindStoryCandidates(["k1"], Day.AddDays(-1), limit: 100);
            Assert.Throws<InvalidOperationException>(() => store.Atomically<bool>(() =>
            {
                store.MergeStory("a0", "rolled-back");
                store.Save(Articles.Make("ghost", "same", Day) with { StoryKeys = ["k1"], StorySignature = Signature(9) });
                throw new InvalidOperationException("roll back");
            }));

            afterRollback = store.FindStoryCandidates(["k1"], Day.AddDays(-1), limit: 100);
        }

        using var reopened = new LiteDbNewsStore(path);
        var fromStore = reopened.FindStoryCandidates(["k1"], Day.AddDays(-1), limit: 100);

        Assert.Equal(6, inMemory.Count);
        Assert.All(inMemory, c => Assert.Equal("a0", c.StoryId));
        Assert.Equal(Describe(fromStore), Describe(inMemory));
        Assert.Equal(Describe(fromStore), Describe(afterRollback));
    }

    private static string Describe(IEnumerable<StoryCandidate> candidates) => System.Text.Json.JsonSerializer.Serialize(
        candidates.Select(c => new { c.Id, c.StoryId, Date = c.Date?.UtcTicks, c.Signature }));

    [Fact]
    public void Headlines_are_the_query_without_text_html_description_and_story_data()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        for (var i = 0; i < 450; i++)
        {
            store.Save(Articles.Make($"a{i:D3}", $"Report {i}", Day.AddMinutes(i / 3), ["standards"]) with
            {
                Html = "<p>body</p>",
                Description = "standfirst",
                StoryKeys = ["k1"],
                StorySignature = new(),
                Byline = "A. Writer",
            });
        }

        var query = new ArticleQuery { Since = Day.AddMinutes(10), Until = Day.AddMinutes(140) };
        var whole = store.Query(query).ToList();
        var headlines = store.QueryHeadlines(query).ToList();

        Assert.Equal(whole.Count, headlines.Count);
        Assert.Equal(whole.Select(a => a with { Text = "", Html = "", Description = null, StorySignature = null, StoryKeys = [] }), headlines, ArticleComparer);
        Assert.Throws<ArgumentException>(() => store.QueryHeadlines(new ArticleQuery { Themes = ["standards"] }).ToList());
    }

    // Records compare arrays by reference; this compares what a reader sees.
    private static readonly IEqualityComparer<Article> ArticleComparer = EqualityComparer<Article>.Create(
        (a, b) => System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b),
        a => a.Id.GetHashCode(StringComparison.Ordinal));

    [Fact]
    public void Atomically_sees_its_own_writes_and_stores_nothing_when_it_throws()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));

        var seen = store.Atomically(() =>
        {
            store.Save(Articles.Make("a1", "one", Day) with { StoryKeys = ["k1"], StorySignature = new() });
            return store.FindStoryCandidates(["k1"], Day.AddDays(-1)).Select(a => a.Id).ToList();
        });
        Assert.Throws<InvalidOperationException>(() => store.Atomically<bool>(() =>
        {
            store.Save(Articles.Make("a2", "two", Day) with { StoryKeys = ["k1"], StorySignature = new() });
            store.MergeStory("a1", "a2");
            throw new InvalidOperationException("stop");
        }));

        Assert.Equal(["a1"], seen);
        Assert.Equal(1, store.CountArticles());
        Assert.Equal("a1", store.FindArticle("a1")!.StoryId);
        Assert.Equal(["a1"], store.FindStoryCandidates(["k1"], Day.AddDays(-1)).Select(a => a.Id));
    }

    [Fact]
    public void Feed_state_and_digests_round_trip()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.SaveFeedState(new FeedState { Id = "f1", ETag = "\"x\"", LastSuccess = Day, ConsecutiveFailures = 2, LastCounts = new PollCounts { New = 3 } });
        store.SaveDigest(new StoredDigest { Id = "2026-11-22", Markdown = "# one" });
        store.SaveDigest(new StoredDigest { Id = "2026-11-22", Markdown = "# two" });

        var state = store.GetFeedState("f1");
        Assert.Equal("\"x\"", state!.ETag);
        Assert.Equal(3, state.LastCounts.New);
        Assert.Equal("# two", store.GetDigest("2026-11-22")!.Markdown);
        Assert.Single(store.Digests(10));
    }

    [Fact]
    public void A_second_process_style_open_fails_with_a_clear_message()
    {
        using var temp = new TempFolder();
        using var first = new LiteDbNewsStore(temp.File("n.db"));
        first.Save(Articles.Make("a1", "one", Day));

        var error = Assert.Throws<StorageException>(() => new LiteDbNewsStore(temp.File("n.db")));

        Assert.Contains(temp.File("n.db"), error.Message);
    }

    private static string[] Ids(LiteDbNewsStore store, ArticleQuery query) => store.Query(query).Select(a => a.Id).ToArray();
}
