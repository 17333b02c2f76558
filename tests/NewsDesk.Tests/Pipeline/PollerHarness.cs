using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Fetching;
using NewsDesk.Hosting;
using NewsDesk.Parsing;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// The real poller wired as the CLI wires it (HttpClientFactory with its resilience handler, parser, article
/// pipeline, LiteDB store in a temp folder), except that the poller reads a <see cref="ManualTime"/>.
/// </summary>
public sealed class PollerHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly IHost _host;

    public PollerHarness(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["NewsDesk:Storage:Path"] = _temp.File("news.db"),
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["NewsDesk:Fetch:Timeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _host = NewsDeskHost.CreateTool(all);
        var services = _host.Services;
        Store = services.GetRequiredService<INewsStore>();
        Parser = services.GetRequiredService<FeedParser>();
        Poller = new FeedPoller(
            services.GetRequiredService<HttpFetcher>(),
            Parser,
            services.GetRequiredService<ArticlePipeline>(),
            Store,
            services.GetRequiredService<IOptions<PipelineOptions>>(),
            Time,
            services.GetRequiredService<PipelineMetrics>(),
            NullLogger<FeedPoller>.Instance);
    }

    public ManualTime Time { get; } = new(Start);

    public INewsStore Store { get; }

    public FeedParser Parser { get; }

    public FeedPoller Poller { get; }

    /// <summary>Feeds parsed so far by this harness's parser (a 304 must not add one).</summary>
    public int Parses => Parser.FeedReaderCount + Parser.FallbackCount;

    public static FeedDefinition Feed(Uri url, string id = "f", TimeSpan? interval = null) => new()
    {
        Id = id,
        Title = id,
        Url = url,
        Schedule = new FeedSchedule { Interval = interval ?? TimeSpan.FromMinutes(15) },
    };

    public Task<PollOutcome> PollAsync(FeedDefinition feed) => Poller.PollAsync(feed, force: false, TestContext.Current.CancellationToken);

    public FeedState State(string id = "f") => Store.GetFeedState(id)!;

    /// <summary>A one-item RSS feed whose item links to a page on the same server.</summary>
    public static string Rss(Uri server, string item = "a", string extra = "") => $"""
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Loopback</title><link>{server}</link>{extra}
        <item><title>Item {item}</title><link>{server}pages/{item}</link><guid>{item}</guid><description>Text of {item}.</description><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    public void Dispose()
    {
        _host.Dispose();
        _temp.Dispose();
    }
}
