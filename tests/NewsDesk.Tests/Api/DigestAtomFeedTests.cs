using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>GET /digests.atom of the real worker: entries with headlines, stable times, 304 on a repeat, links that no Host header moves.</summary>
public sealed class DigestAtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Each_entry_carries_its_headlines_with_links_and_the_digests_time()
    {
        await using var worker = await StartAsync(publicBaseUrl: null);
        var ct = TestContext.Current.CancellationToken;
        var published = await worker.PublishAsync(new DateOnly(2026, 11, 22));

        var first = await worker.Http.GetStringAsync(new Uri("/digests.atom", UriKind.Relative), ct);
        await Task.Delay(TimeSpan.FromSeconds(1.2), ct);
        var second = await worker.Http.GetStringAsync(new Uri("/digests.atom", UriKind.Relative), ct);

        // Nothing in the feed depends on when it was asked for.
        Assert.Equal(first, second);
        var feed = XDocument.Parse(first).Root!;
        var generated = published.Stored.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(generated, feed.Element(Atom + "updated")!.Value);
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal(generated, entry.Element(Atom + "updated")!.Value);
        var content = entry.Element(Atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("<a href=\"https://example.org/a1\">UK and India sign AI memorandum</a>", content.Value, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a2\">ISO publishes AI management code &lt;draft&gt;</a>", content.Value, StringComparison.Ordinal);
        Assert.Contains("2 stories from 2 articles.", content.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_request_with_the_etag_or_the_date_answers_304_until_a_digest_changes()
    {
        await using var worker = await StartAsync(publicBaseUrl: null);
        var ct = TestContext.Current.CancellationToken;
        await worker.PublishAsync(new DateOnly(2026, 11, 22));

        using var first = await worker.Http.GetAsync(new Uri("/digests.atom", UriKind.Relative), ct);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        using var byTag = await Conditional(worker.Http, r => r.Headers.IfNoneMatch.Add(etag), ct);
        using var byDate = await Conditional(worker.Http, r => r.Headers.IfModifiedSince = lastModified, ct);
        using var otherTag = await Conditional(worker.Http, r => r.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"other\"")), ct);
        await Task.Delay(TimeSpan.FromSeconds(1.2), ct);
        await worker.PublishAsync(new DateOnly(2026, 11, 23));
        using var afterNewDigest = await Conditional(worker.Http, r => r.Headers.IfNoneMatch.Add(etag), ct);
        using var afterNewDigestByDate = await Conditional(worker.Http, r => r.Headers.IfModifiedSince = lastModified, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterNewDigest.StatusCode);
        Assert.NotEqual(etag, afterNewDigest.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, afterNewDigestByDate.StatusCode);
    }

    [Theory]
    [InlineData("https://news.example.org/desk/")]
    [InlineData(null)]
    public async Task Links_come_from_the_public_base_url_or_the_listening_address_whatever_the_host_header_says(string? publicBaseUrl)
    {
        await using var worker = await StartAsync(publicBaseUrl);
        await worker.PublishAsync(new DateOnly(2026, 11, 22));
        var expected = publicBaseUrl ?? worker.Address;

        foreach (var host in new[] { "", new string('h', 9000), "127.0.0.1:99999", "evil.example", "evil.example:8443" })
        {
            var (status, body) = await RawGetAsync(worker.Port, "/digests.atom", host);

            Assert.True(status == 200, $"Host \"{host[..Math.Min(host.Length, 20)]}\" ({host.Length} chars) answered {status}");
            var links = XDocument.Parse(body).Descendants(Atom + "link").Select(l => l.Attribute("href")!.Value).ToList();
            Assert.Equal(2, links.Count);
            Assert.All(links, l => Assert.StartsWith(expected, l, StringComparison.Ordinal));
            Assert.DoesNotContain("evil", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ftp://news.example.org/")]
    [InlineData("news.example.org")]
    [InlineData("https://news.example.org/?from=feed")]
    public async Task A_bad_public_base_url_stops_the_worker_at_start_with_the_key_named(string value)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        // The worker checks its options before it builds (run's friendly message) and again at start: either way it
        // must not come up.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
            {
                ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
                ["NewsDesk:Storage:Path"] = temp.File("n.db"),
                ["NewsDesk:PublicBaseUrl"] = value,
                ["urls"] = "http://127.0.0.1:0",
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
        });
        Assert.Contains("NewsDesk:PublicBaseUrl must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A request written by hand: HttpClient will not send an empty or malformed Host header.</summary>
    private static async Task<(int Status, string Body)> RawGetAsync(int port, string path, string host)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, ct);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"), ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(ct);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        if (response.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return (status, body);
    }

    private static string Unchunk(string chunked)
    {
        var text = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd], 16);
            if (size == 0)
            {
                return text.ToString();
            }

            // Sizes count bytes; the feed is ASCII apart from what the test put in, which is ASCII too.
            text.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient http, Action<HttpRequestMessage> condition, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/digests.atom", UriKind.Relative));
        condition(request);
        return await http.SendAsync(request, ct);
    }

    private static async Task<Worker> StartAsync(string? publicBaseUrl)
    {
        var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["NewsDesk:PublicBaseUrl"] = publicBaseUrl,
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var store = app.Services.GetRequiredService<INewsStore>();
        store.Save(Articles.Make("a1", "UK and India sign AI memorandum", new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), ["bilateral"]));
        store.Save(Articles.Make("b1", "The next day's news", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), ["bilateral"]));
        store.Save(Articles.Make("a2", "ISO publishes AI management code <draft>", new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), ["standards"]));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return new Worker(app, temp, new HttpClient { BaseAddress = new Uri(address) }, address);
    }

    private sealed record Worker(WebApplication App, TempFolder Temp, HttpClient Http, string Address) : IAsyncDisposable
    {
        public int Port => new Uri(Address).Port;

        public Task<PublishedDigest> PublishAsync(DateOnly day) =>
            App.Services.GetRequiredService<DigestPublisher>().PublishAsync(day, ct: TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
            Temp.Dispose();
        }
    }
}
