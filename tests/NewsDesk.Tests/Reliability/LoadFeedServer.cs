using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Generated RSS feeds and article pages on loopback, for keeping an ingest busy while the read API is under load:
/// each page answers after a delay, so the worker's ingest lasts as long as the test needs. Every article has its
/// own wording (so none is a republished copy of another) and enough text to be kept as an article.
/// </summary>
public sealed class LoadFeedServer : IAsyncDisposable
{
    private static readonly string[] Topics =
    [
        "the UK and Japan sign an AI safety research partnership",
        "the EU AI Office meets OECD ministers on model evaluations",
        "Canada and France fund a joint compute programme for public-interest AI",
        "G7 digital ministers agree a code of conduct for advanced AI developers",
        "Singapore and Australia exchange staff between their AI safety institutes",
        "the UN advisory body on AI publishes its governance recommendations",
    ];

    private readonly LoopbackServer _server;
    private readonly Dictionary<string, int> _feeds;
    private int _pages;

    private LoadFeedServer(LoopbackServer server, Dictionary<string, int> feeds)
    {
        _server = server;
        _feeds = feeds;
    }

    /// <summary>Article pages served so far.</summary>
    public int PagesServed => Volatile.Read(ref _pages);

    /// <param name="feeds">Feed name and how many items it lists.</param>
    public static async Task<LoadFeedServer> StartAsync(Dictionary<string, int> feeds, TimeSpan pageDelay)
    {
        LoadFeedServer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feeds/{name}.rss", (string name) => self!._feeds.TryGetValue(name, out var count)
                ? Results.Text(self.Rss(name, count), "application/rss+xml; charset=utf-8")
                : Results.NotFound());
            app.MapGet("/pages/{name}/{n:int}", async (string name, int n, CancellationToken ct) =>
            {
                await Task.Delay(pageDelay, ct);
                Interlocked.Increment(ref self!._pages);
                return Results.Text(Page(name, n), "text/html; charset=utf-8");
            });
        });
        self = new LoadFeedServer(server, feeds);
        return self;
    }

    /// <summary>A feeds.json listing every feed, as the worker reads it.</summary>
    public string FeedsJson() => JsonSerializer.Serialize(new
    {
        feeds = _feeds.Keys.Select(name => new
        {
            id = name,
            title = "Load test feed " + name,
            url = _server.Url($"feeds/{name}.rss").AbsoluteUri,
            kind = "press",
            schedule = new { interval = "00:30:00" },
            enabled = true,
        }),
    });

    private string Rss(string name, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var rss = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Load {name}</title><link>{_server.BaseUri}</link><description>generated</description>");
        for (var n = 0; n < count; n++)
        {
            rss.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(Headline(name, n))}</title><link>{_server.Url($"pages/{name}/{n}")}</link><guid>{name}-{n}</guid><pubDate>{now.AddMinutes(-n):R}</pubDate><description>{SecurityElement.Escape(Topic(n))}</description></item>");
        }

        return rss.Append("</channel></rss>").ToString();
    }

    private static string Topic(int n) => Topics[n % Topics.Length];

    private static string Headline(string name, int n) => $"{char.ToUpperInvariant(Topic(n)[0])}{Topic(n)[1..]} (report {n} from {name})";

    private static string Page(string name, int n)
    {
        var headline = SecurityElement.Escape(Headline(name, n));
        var body = new StringBuilder();
        for (var p = 0; p < 5; p++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>In paragraph {p} of report {n} from {name}, officials said that {Topic(n + p)}. The agreement covers shared testing of frontier models, secondments between institutes and a joint statement due at the next summit, numbered {(n * 7) + p}.</p>");
        }

        return $"<!doctype html><html lang=\"en\"><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{body}</article></body></html>";
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
