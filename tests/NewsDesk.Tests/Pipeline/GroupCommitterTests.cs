using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

public sealed class GroupCommitterTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Others =
    [
        "Brazil opens consultation on algorithmic hiring rules", "Standards body adopts management system audit guide",
        "Kenya and Ghana launch shared compute fund", "Chip maker raises money for a new fabrication plant",
        "Regulator fines retailer over facial recognition cameras", "University consortium releases open speech dataset",
        "Singapore publishes model governance testing toolkit", "Canada names members of its AI advisory council",
        "Startup unveils robot for warehouse picking", "Parliament committee questions ministers on public sector automation",
        "Insurers agree voluntary disclosure code for pricing models", "Nordic states plan joint supercomputer procurement",
    ];

    [Fact]
    public async Task Reports_of_one_story_committed_at_once_join_one_story_and_all_are_stored()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        var committer = new GroupCommitter(new StoryMatcher(), store);
        const string Lede = "The United Kingdom and India signed a memorandum on AI safety research, linking their AI institutes for joint evaluations of frontier models.";
        var reports = Enumerable.Range(0, 12)
            .Select(i => Articles.Make($"r{i:D2}", "UK and India sign AI safety memorandum", Day.AddMinutes(i), text: Lede) with { Description = Lede, StoryId = null })
            .Concat(Others.Select((title, i) => Articles.Make($"o{i:D2}", title, Day.AddMinutes(i), text: title + ".") with { StoryId = null }))
            .ToList();

        // All at once, from many threads: they queue up and are committed in groups.
        var times = await Task.WhenAll(reports.Select(r => Task.Run(() => committer.CommitAsync(r), TestContext.Current.CancellationToken)));

        Assert.Equal(24, store.CountArticles());
        var storyOf = reports.ToDictionary(r => r.Id, r => store.FindArticle(r.Id)!.StoryId);
        Assert.Single(reports.Where(r => r.Id.StartsWith('r')).Select(r => storyOf[r.Id]).Distinct());
        Assert.Equal(12, reports.Where(r => r.Id.StartsWith('o')).Select(r => storyOf[r.Id]).Distinct().Count());
        // What each caller is told is what was stored.
        Assert.All(reports.Zip(times), p => Assert.Equal(storyOf[p.First.Id], p.Second.StoryId));
        Assert.All(times, t => Assert.True(t.Wait >= 0 && t.Match >= 0 && t.Store >= 0));
    }

    [Fact]
    public async Task An_article_that_cannot_be_stored_fails_alone_and_its_group_is_stored()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.Save(Articles.Make("held", "An article already stored", Day));
        var committer = new GroupCommitter(new StoryMatcher(), store);
        // Same URL, another id: the store's unique URL index refuses it.
        var clash = Articles.Make("clash", "A second article at the same address", Day) with { Url = "https://example.org/held" };
        var good = Enumerable.Range(0, 8).Select(i => Articles.Make($"g{i}", $"Report number {i} on a different topic", Day)).ToList();

        var commits = good.Take(4).Append(clash).Concat(good.Skip(4))
            .Select(a => Task.Run(() => committer.CommitAsync(a), TestContext.Current.CancellationToken))
            .ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => commits[4]);
        foreach (var commit in commits.Where((_, i) => i != 4))
        {
            await commit;
        }

        Assert.Equal(9, store.CountArticles());
        Assert.Null(store.FindArticle("clash"));
        Assert.Equal("An article already stored", store.FindByUrl("https://example.org/held")!.Title);
    }

    [Fact]
    public async Task A_bridge_merges_small_stories_into_the_oldest_but_leaves_one_too_big_to_move()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        var matcher = new StoryMatcher();
        const string Title = "UK and India sign AI safety memorandum";
        const string Lede = "The United Kingdom and India signed a memorandum on AI safety research, linking their AI institutes for joint evaluations of frontier models.";
        var signature = matcher.Sign(Title, Lede, StoryEntities.Find(Title, Lede));
        var keys = matcher.BandKeys(signature);
        // Three stories that all match the next report: the oldest (2 reports), a small one (3) and one bigger than a
        // bridge may move. Ids are chosen so the three come first among the candidates, which are taken in id order.
        void Put(string story, string prefix, int count, int minutesAfter)
        {
            for (var i = 0; i < count; i++)
            {
                store.Save(Articles.Make($"{prefix}{i:D3}", Title, Day.AddMinutes(minutesAfter + i), text: Lede, story: story) with
                {
                    Description = Lede,
                    StorySignature = signature,
                    StoryKeys = keys,
                });
            }
        }

        Put("oldest", "a", 2, 0);
        Put("small", "b", 3, 10);
        Put("big", "c", GroupCommitter.MaxMergedReports + 1, 20);
        var committer = new GroupCommitter(matcher, store);

        var times = await committer.CommitAsync(Articles.Make("bridge", Title, Day.AddHours(2), text: Lede) with { Description = Lede, StoryId = null });

        Assert.Equal("oldest", times.StoryId);
        Assert.Equal(6, store.CountStory("oldest", 1000));
        Assert.Equal(0, store.CountStory("small", 1000));
        Assert.Equal(GroupCommitter.MaxMergedReports + 1, store.CountStory("big", 1000));
    }
}
