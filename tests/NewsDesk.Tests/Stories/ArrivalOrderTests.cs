using NewsDesk.Benchmarking;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Stories;

/// <summary>
/// The stories do not depend on the order reports are committed in: the 1,000 reports of the bench site (100 feeds of
/// 10, the input of <c>ClusterWorkersTests</c>) committed through the worker's <see cref="GroupCommitter"/> into a real
/// store in feed order, in reverse, shuffled, and all at once from many threads (as parallel polls commit them) give one
/// partition; and so do two workers (two stores and two committers on one PostgreSQL database) committing them at once.
/// </summary>
public sealed class ArrivalOrderTests
{
    private const int Feeds = 100;
    private const int Items = 10;
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_bench_reports_make_one_partition_in_any_order_and_at_once_in_litedb()
    {
        var reports = BenchReports();
        var expected = await PartitionAsync(reports, concurrent: false);

        // The bench set has stories of several reports, so "every report alone" does not pass.
        Assert.Contains(expected, group => group.Count >= 3);
        Assert.Equal(expected, await PartitionAsync([.. Enumerable.Reverse(reports)], concurrent: false));
        Assert.Equal(expected, await PartitionAsync([.. reports.OrderBy(r => BenchHash.Seed(r.Id))], concurrent: false));
        Assert.Equal(expected, await PartitionAsync(reports, concurrent: true));
    }

    [Fact]
    public async Task Two_workers_on_postgres_committing_the_bench_reports_at_once_make_the_partition_one_worker_makes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        var reports = BenchReports();
        var expected = await PartitionAsync(reports, concurrent: false);

        using var first = new PostgresNewsStore(db.ConnectionString);
        using var second = new PostgresNewsStore(db.ConnectionString);
        var workers = new[] { new GroupCommitter(new StoryMatcher(), first), new GroupCommitter(new StoryMatcher(), second) };
        // Shuffled, alternately to each worker, all at once.
        var shuffled = reports.OrderBy(r => BenchHash.Seed(r.Id)).ToList();
        await Task.WhenAll(shuffled.Select((report, i) => Task.Run(() => workers[i % 2].CommitAsync(report), ct)));

        Assert.Equal(reports.Count, first.CountArticles());
        Assert.Equal(expected, Partition(reports.Select(r => (r.Id, first.FindArticle(r.Id)!.StoryId!))));
    }

    [Fact]
    public async Task A_report_another_worker_adds_to_a_story_being_merged_away_ends_in_the_merged_story_on_postgres()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        using var first = new PostgresNewsStore(db.ConnectionString);
        using var second = new PostgresNewsStore(db.ConnectionString);
        var other = new GroupCommitter(new StoryMatcher(), second);
        const string Robots = "Harbour robotics makers agree shared battery swap rules";
        const string Sensors = "Orchard sensor network reaches every valley cooperative";
        const string Network = "A network of soil and frost sensors now covers every fruit cooperative in the valley, feeding one open dashboard that growers, insurers and the weather service read each morning before the first tractors leave the yards.";
        Article Report(string id, string title, string lede, int minute) =>
            Articles.Make(id, title, Now.AddMinutes(minute), text: lede) with { Description = lede, StoryId = null };
        // a and b are two stories. c tells both (a's headline, b's lede): it bridges them. d tells b alone (b's headline),
        // and shares no index key with c, so nothing but the database orders their assignments.
        var a = Report("a", Robots, "Makers of warehouse robots published a common rulebook for swapping batteries between machines of different brands, so that depots can mix fleets without adapters.", 0);
        var b = Report("b", Sensors, Network, 1);
        var c = Report("c", Robots, Network, 2);
        var d = Report("d", Sensors, "Growers in the upper villages were the last to be connected after cables reached the packing sheds in spring, and readings now arrive every ten minutes.", 3);
        await other.CommitAsync(a);
        await other.CommitAsync(b);

        // Worker one assigns c and merges b's story into a's, as its group committer does, and holds its transaction
        // open while worker two commits d: d must wait for the merge, then join the merged story.
        var grouper = new StoryGrouper(new StoryMatcher());
        Task? late = null;
        first.Atomically(() =>
        {
            var story = grouper.Assign(new StoryItem(c.Id, c.Title, c.Description!, c.Published, StoryEntities.Find(c.Title, c.Description!)), new StoreStoryCandidates(first));
            first.Save(c with { StorySignature = story.Signature, StoryKeys = story.Keys, StoryId = story.StoryId });
            late = Task.Run(() => other.CommitAsync(d), ct);
            // Long enough for d to be committed, were it not kept waiting.
            Thread.Sleep(TimeSpan.FromSeconds(3));
            return 0;
        });
        await late!;

        Assert.Single(new[] { a, b, c, d }.Select(r => first.FindArticle(r.Id)!.StoryId).Distinct());
    }

    internal static List<Article> BenchReports()
    {
        var site = new BenchSite(Feeds, Items, Now, pagesFolder: null);
        return [.. site.FeedNumbers.SelectMany(feed => Enumerable.Range(0, Items).Select(item =>
        {
            var lede = ArticlePageGenerator.Standfirst(feed, item, Feeds * Items);
            return Articles.Make($"f{feed}i{item}", ArticlePageGenerator.Headline(feed, item, Feeds * Items), site.Published(feed, item), text: lede)
                with { Description = lede, StoryId = null };
        }))];
    }

    internal static List<List<string>> Partition(IEnumerable<(string Id, string Story)> stories) =>
        [.. stories.GroupBy(s => s.Story).Select(g => g.Select(s => s.Id).Order(StringComparer.Ordinal).ToList()).OrderBy(g => g[0], StringComparer.Ordinal)];

    private static async Task<List<List<string>>> PartitionAsync(IReadOnlyList<Article> reports, bool concurrent)
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        var committer = new GroupCommitter(new StoryMatcher(), store);
        if (concurrent)
        {
            await Task.WhenAll(reports.Select(r => Task.Run(() => committer.CommitAsync(r))));
        }
        else
        {
            foreach (var report in reports)
            {
                await committer.CommitAsync(report);
            }
        }

        return Partition(reports.Select(r => (r.Id, store.FindArticle(r.Id)!.StoryId!)));
    }
}
