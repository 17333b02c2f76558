using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.EndToEnd;

/// <summary>
/// The worker as users run it: Quartz jobs fire for real and poll feeds served by Kestrel on 127.0.0.1, pages are
/// fetched and extracted, articles tagged, summarised, grouped and stored in a LiteDB file; a second run adds nothing
/// and the day's digest lists the stories.
/// </summary>
public sealed class WorkerEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Quartz_jobs_poll_store_and_digest_and_a_second_poll_adds_nothing()
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        var settings = Settings(temp, feeds);

        await RunWorkerUntilPolledAsync(settings, feedCount: 3, previousPolls: 0);

        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            var articles = store.Query(new ArticleQuery()).ToList();
            Assert.Equal(SampleFeeds.EntryCount, articles.Count);
            Assert.All(articles, a => Assert.NotEmpty(a.Summary.Sentences));
            Assert.All(articles, a => Assert.All(a.Summary.Sentences, s => Assert.Equal(s.Text, a.Text.Substring(s.Start, s.Length))));
            Assert.Contains(articles, a => a.Tags.Any(t => t.Theme == "bilateral" && t.Evidence.Length > 0));
            var fallback = Assert.Single(articles, a => a.TextSource == "feed");
            Assert.NotNull(fallback.FallbackReason);
            Assert.All(articles.Where(a => a.TextSource == "page"), a => Assert.DoesNotContain("Is this page useful", a.Text));
            Assert.Contains(articles, a => a.Title.Contains("<script>alert(1)</script>", StringComparison.Ordinal));

            // The samples hold two multi-report stories: UK-India (GOV.UK, PolicyWire, TechPress) and the UK-led
            // coalition (GOV.UK, TechPress). Each must be one story, and they must not be merged.
            var ukIndia = articles.Single(a => a.Url.Contains("uk-and-india-sign-ai-safety-memorandum", StringComparison.Ordinal)).StoryId;
            var coalition = articles.Single(a => a.Url.Contains("/government/news/", StringComparison.Ordinal) && a.Title.Contains("Coalition", StringComparison.Ordinal)).StoryId;
            Assert.NotEqual(ukIndia, coalition);
            Assert.Equal(3, articles.Count(a => a.StoryId == ukIndia));
            Assert.Equal(2, articles.Count(a => a.StoryId == coalition));
        }

        await RunWorkerUntilPolledAsync(settings, feedCount: 3, previousPolls: 1);

        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            Assert.Equal(SampleFeeds.EntryCount, store.CountArticles());
            Assert.All(store.FeedStates(), s => Assert.Equal(0, s.LastCounts.New + s.LastCounts.Updated + s.LastCounts.Failed));
        }

        using var tool = NewsDeskHost.CreateTool(settings);
        var digest = await tool.Services.GetRequiredService<DigestPublisher>().PublishAsync(new DateOnly(2026, 11, 22), ct: TestContext.Current.CancellationToken);
        Assert.Contains("India", digest.Stored.Markdown);
        Assert.Contains("Also reported by", digest.Stored.Markdown);
        Assert.Equal(3, digest.Files.Count);
        Assert.All(digest.Files, f => Assert.True(File.Exists(f)));
    }

    private static Dictionary<string, string?> Settings(TempFolder temp, SampleFeeds feeds) => new()
    {
        ["NewsDesk:FeedsFile"] = feeds.FeedsFile,
        ["NewsDesk:Storage:Path"] = temp.File("news.db"),
        ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
        ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
        ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
        ["urls"] = "http://127.0.0.1:0",
    };

    /// <summary>Starts the worker, waits until every feed's poll job has run once more, then stops it gracefully.</summary>
    private static async Task RunWorkerUntilPolledAsync(Dictionary<string, string?> settings, int feedCount, long previousPolls)
    {
        var app = NewsDeskHost.CreateWorker([], settings);
        await using (app)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            var store = app.Services.GetRequiredService<INewsStore>();
            var deadline = DateTime.UtcNow + Patience;
            while (!(store.FeedStates().Count(s => s.TotalPolls > previousPolls && s.LastSuccess is not null) == feedCount))
            {
                Assert.True(DateTime.UtcNow < deadline, "the poll jobs did not all run in time");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
