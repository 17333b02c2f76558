using Microsoft.Extensions.Logging.Abstractions;
using NewsDesk.Pipeline;
using NewsDesk.Retagging;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Storage;

/// <summary>Issue 22, `retag`: what it needs of a store, on each store.</summary>
public abstract partial class NewsStoreContract
{
    private static readonly string[] Headlines =
    [
        "UK and India sign memorandum on AI safety institutes",
        "Twelve companies join UK-led International AI Safety Coalition",
        "New code of practice links UK AI assurance to ISO/IEC 42001",
        "UK and Canada open joint call for AI safety research",
        "Nimbus launches an AI assistant that books and codes",
        "India and Britain agree to test AI models together",
    ];

    [Fact]
    public async Task A_second_retag_is_refused_while_one_holds_the_store_and_runs_once_it_is_released()
    {
        Store.Save(Articles.Make("h1", Headlines[0], Day, ["talent"]));
        var retagger = new Retagger(new ThemeTagger(Taxonomy.LoadDefault()), new GroupCommitter(new StoryMatcher(), Store), Store, TimeProvider.System, NullLogger<Retagger>.Instance);

        using (var hold = retagger.TryHold())
        {
            Assert.NotNull(hold);
            Assert.Null(Store.TryHold(Retagger.HoldName));
            await Assert.ThrowsAsync<RetagBusyException>(() => retagger.RunAsync(RetagScope.All, null, TestContext.Current.CancellationToken));
        }

        var summary = await retagger.RunAsync(RetagScope.All, null, TestContext.Current.CancellationToken);
        Assert.Equal(1, summary.Processed);
        // The run gave its hold back.
        using var after = Store.TryHold(Retagger.HoldName);
        Assert.NotNull(after);
    }

    [Fact]
    public void The_taxonomy_version_is_stored_and_read_back_by_find_and_query()
    {
        Store.Save(Articles.Make("a1", "One", Day) with { TaxonomyVersion = "desk-2026-12" });
        Store.Save(Articles.Make("a2", "Two", Day.AddHours(1)));

        Assert.Equal("desk-2026-12", Store.FindArticle("a1")!.TaxonomyVersion);
        Assert.Null(Store.FindArticle("a2")!.TaxonomyVersion);
        Assert.Equal(["desk-2026-12", null], Store.Query(new ArticleQuery()).Select(a => a.TaxonomyVersion).ToArray());
    }

    [Fact]
    public async Task A_stopped_retag_continues_where_it_stopped_and_the_summary_covers_the_whole_run()
    {
        // Stored with a tag the default taxonomy would not give them all, and no taxonomy version: as before a change.
        for (var i = 0; i < 12; i++)
        {
            Store.Save(Articles.Make($"a{i:D2}", Headlines[i % Headlines.Length], Day.AddMinutes(i), ["talent"], feed: i % 2 == 0 ? "feed-a" : "feed-b"));
        }

        var tagger = new ThemeTagger(Taxonomy.LoadDefault());
        var retagger = new Retagger(tagger, new GroupCommitter(new StoryMatcher(), Store), Store, TimeProvider.System, NullLogger<Retagger>.Instance);
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            retagger.RunAsync(RetagScope.All, p => { if (p.Processed >= 5) { stop.Cancel(); } }, stop.Token, batchSize: 5));

        var stopped = retagger.Last()!;
        Assert.Null(stopped.Finished);
        Assert.Equal(5, stopped.Summary.Processed);
        Assert.Equal(12, stopped.Total);
        Assert.Equal(5, Store.Query(new ArticleQuery()).Count(a => a.TaxonomyVersion == tagger.Version));

        var progress = new List<RetagProgress>();
        var summary = await retagger.RunAsync(RetagScope.All, progress.Add, TestContext.Current.CancellationToken, batchSize: 5);

        Assert.True(progress.TrueForAll(p => p.Resumed));
        Assert.Equal(12, summary.Processed);
        Assert.Equal(12, summary.Removed["talent"]);
        Assert.NotNull(retagger.Last()!.Finished);
        var stored = Store.Query(new ArticleQuery()).ToList();
        Assert.All(stored, a => Assert.Equal(tagger.Version, a.TaxonomyVersion));
        Assert.DoesNotContain(stored, a => a.Themes.Contains("talent"));
        // Each article has exactly the tags ingest would give it today, and the summary counts each theme it gained.
        foreach (var article in stored)
        {
            var expected = tagger.Tag(TagInputs.From(article.Title, article.Description, article.Text));
            Assert.Equal(expected.Tags.Select(t => t.Theme), article.Themes);
            Assert.Equal(expected.Parties, article.Parties);
        }

        foreach (var theme in stored.SelectMany(a => a.Themes).Distinct())
        {
            Assert.Equal(stored.Count(a => a.Themes.Contains(theme)), summary.Added[theme]);
        }

        // The two reports of the UK-India agreement are one story.
        Assert.Single(stored.Where(a => a.Title.Contains("India", StringComparison.Ordinal)).Select(a => a.StoryId).Distinct());
    }

    [Fact]
    public async Task A_retag_of_one_feed_since_a_date_touches_only_those_articles_and_a_finished_run_starts_afresh()
    {
        for (var i = 0; i < 8; i++)
        {
            Store.Save(Articles.Make($"a{i:D2}", Headlines[i % Headlines.Length], Day.AddDays(i - 4), ["talent"], feed: i % 2 == 0 ? "feed-a" : "feed-b"));
        }

        var tagger = new ThemeTagger(Taxonomy.LoadDefault());
        var retagger = new Retagger(tagger, new GroupCommitter(new StoryMatcher(), Store), Store, TimeProvider.System, NullLogger<Retagger>.Instance);
        var scope = new RetagScope(Day, "FEED-A");

        var first = await retagger.RunAsync(scope, null, TestContext.Current.CancellationToken, batchSize: 1);
        var again = await retagger.RunAsync(scope, null, TestContext.Current.CancellationToken, batchSize: 1);

        var touched = Store.Query(new ArticleQuery()).Where(a => a.TaxonomyVersion is not null).Select(a => a.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["a04", "a06"], touched);
        Assert.Equal(2, first.Processed);
        Assert.Equal(2, again.Processed);
        // Nothing left to change the second time.
        Assert.Equal(0, again.TagsChanged);
        Assert.Empty(again.ThemeLines());
    }
}
