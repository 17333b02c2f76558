using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Parsing;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

public sealed class DigestEndpointTests
{
    [Fact]
    public async Task Worker_serves_digests_in_every_format_and_an_atom_feed_of_them()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), ["bilateral"]));
            await app.Services.GetRequiredService<DigestPublisher>().PublishAsync(new DateOnly(2026, 11, 22), ct: ct);
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(origin) };

            var html = await http.GetStringAsync(new Uri("/api/digests/2026-11-22", UriKind.Relative), ct);
            var markdown = await http.GetStringAsync(new Uri("/api/digests/2026-11-22?format=md", UriKind.Relative), ct);
            var json = await http.GetStringAsync(new Uri("/api/digests/2026-11-22?format=json", UriKind.Relative), ct);
            var missing = await http.GetAsync(new Uri("/api/digests/2026-11-21", UriKind.Relative), ct);
            var bad = await http.GetAsync(new Uri("/api/digests/yesterday", UriKind.Relative), ct);
            // Found by the red team: a 404 saying "make one with `digest --date 9999-12-31`", which digest refuses.
            var beyond = await http.GetAsync(new Uri("/api/digests/9999-12-31", UriKind.Relative), ct);
            var atom = await http.GetByteArrayAsync(new Uri("/digests.atom", UriKind.Relative), ct);

            Assert.Contains("<html", html);
            Assert.StartsWith("# NewsDesk digest for 2026-11-22", markdown);
            Assert.Contains("\"date\": \"2026-11-22\"", json);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
            Assert.Contains("outside the days a digest can cover (0001-01-02 to 9999-12-30)", await beyond.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            var feed = new FeedParser().Parse(atom, "application/atom+xml", new Uri(origin));
            var entry = Assert.Single(feed.Entries);
            Assert.Equal("urn:newsdesk:digest:2026-11-22", entry.Id);
            Assert.EndsWith("/api/digests/2026-11-22?format=html", entry.Link);

            await app.StopAsync(ct);
        }
    }
}
