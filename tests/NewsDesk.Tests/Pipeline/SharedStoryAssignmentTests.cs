using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// Story assignment by two workers on one PostgreSQL database: each has its own store and group committer (as two
/// processes would), and reports of one story reach both at once. The database serialises the assignment (advisory
/// locks on the story keys), so they end in one story, as one worker would put them.
/// </summary>
public sealed class SharedStoryAssignmentTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string Title, string Lede)[] Stories =
    [
        ("UK and India sign AI safety memorandum", "The United Kingdom and India signed a memorandum on AI safety research, linking their AI institutes for joint evaluations of frontier models."),
        ("Kenya and Ghana launch shared compute fund", "Kenya and Ghana launched a shared compute fund for universities, pooling public money for regional data centres and research grants."),
        ("Regulator fines retailer over facial recognition cameras", "The data regulator fined a national retailer for using facial recognition cameras in its shops without telling customers or checking accuracy."),
    ];

    [Fact]
    public async Task Two_workers_given_reports_of_one_story_at_once_put_them_in_one_story()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        using var first = new PostgresNewsStore(db.ConnectionString);
        using var second = new PostgresNewsStore(db.ConnectionString);
        var workers = new[] { new GroupCommitter(new StoryMatcher(), first), new GroupCommitter(new StoryMatcher(), second) };
        var reports = Stories.SelectMany((story, s) => Enumerable.Range(0, 8).Select(i =>
            Articles.Make($"s{s}r{i}", story.Title, Day.AddMinutes(i), text: story.Lede) with { Description = story.Lede, StoryId = null })).ToList();

        // Every report at once, alternately to each worker.
        await Task.WhenAll(reports.Select((report, i) => Task.Run(() => workers[i % 2].CommitAsync(report), ct)));

        Assert.Equal(reports.Count, first.CountArticles());
        for (var s = 0; s < Stories.Length; s++)
        {
            var storyIds = reports.Where(r => r.Id.StartsWith($"s{s}r", StringComparison.Ordinal)).Select(r => first.FindArticle(r.Id)!.StoryId).Distinct().ToList();
            Assert.True(storyIds.Count == 1, $"story {s} was split into {storyIds.Count}: {string.Join(", ", storyIds)}");
        }

        Assert.Equal(Stories.Length, reports.Select(r => first.FindArticle(r.Id)!.StoryId).Distinct().Count());
    }
}
