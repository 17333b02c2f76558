using NewsDesk.Hosting;

namespace NewsDesk.Tests.Support;

/// <summary>The repository's samples/ served on loopback, with a feeds file pointing at them.</summary>
public sealed class SampleFeeds : IAsyncDisposable
{
    private SampleFeeds(SampleServer server, string feedsFile)
    {
        Server = server;
        FeedsFile = feedsFile;
    }

    public SampleServer Server { get; }

    public string FeedsFile { get; }

    /// <summary>Feed entries in samples/feeds/*: 5 + 5 + 4.</summary>
    public const int EntryCount = 14;

    public static async Task<SampleFeeds> StartAsync(TempFolder temp, string interval = "00:10:00")
    {
        var samples = Path.Combine(RepoPaths.Root, "samples");
        var server = await SampleServer.StartAsync(samples, TestContext.Current.CancellationToken);
        var feeds = server.Rewrite(File.ReadAllText(Path.Combine(samples, "feeds.json"))).Replace("00:30:00", interval, StringComparison.Ordinal);
        var feedsFile = temp.File("feeds.json");
        File.WriteAllText(feedsFile, feeds);
        return new SampleFeeds(server, feedsFile);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
