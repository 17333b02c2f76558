using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Parsing;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>Each desk's digest is stored and served on its own, has its own Atom feed, and the editors' page switches desk.</summary>
public sealed class DeskEndpointTests
{
    [Fact]
    public async Task A_desk_s_digest_is_served_with_its_own_feed_and_the_page_switches_desk()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["NewsDesk:Digest:Desks:0:Id"] = "standards",
            ["NewsDesk:Digest:Desks:0:Name"] = "Standards desk",
            ["NewsDesk:Digest:Desks:0:Themes:0"] = "standards",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var day = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", day, ["bilateral"]));
            store.Save(Articles.Make("a2", "ISO publishes AI management code", day, ["standards"]));
            var publisher = app.Services.GetRequiredService<DigestPublisher>();
            var desk = app.Services.GetRequiredService<IOptions<DigestOptions>>().Value.FindDesk("standards");
            await publisher.PublishAsync(new DateOnly(2026, 11, 22), ct: ct);
            await publisher.PublishAsync(new DateOnly(2026, 11, 22), ct: ct, desk: desk);
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(origin) };

            var all = await http.GetStringAsync(new Uri("/api/digests/2026-11-22?format=md", UriKind.Relative), ct);
            var standards = await http.GetStringAsync(new Uri("/api/digests/2026-11-22?format=md&desk=standards", UriKind.Relative), ct);
            var unknown = await http.GetAsync(new Uri("/api/digests/2026-11-22?desk=nope", UriKind.Relative), ct);
            var deskFeed = new FeedParser().Parse(await http.GetByteArrayAsync(new Uri("/digests.atom?desk=standards", UriKind.Relative), ct), "application/atom+xml", new Uri(origin));
            var defaultFeed = new FeedParser().Parse(await http.GetByteArrayAsync(new Uri("/digests.atom", UriKind.Relative), ct), "application/atom+xml", new Uri(origin));
            var page = await http.GetStringAsync(new Uri("/?date=2026-11-22&desk=standards", UriKind.Relative), ct);

            Assert.Contains("UK and India sign AI memorandum", all, StringComparison.Ordinal);
            Assert.StartsWith("# Standards desk digest for 2026-11-22", standards, StringComparison.Ordinal);
            Assert.DoesNotContain("UK and India", standards, StringComparison.Ordinal);
            Assert.Contains("ISO publishes AI management code", standards, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.EndsWith("/api/digests/2026-11-22?format=html&desk=standards", Assert.Single(deskFeed.Entries).Link);
            Assert.EndsWith("/api/digests/2026-11-22?format=html", Assert.Single(defaultFeed.Entries).Link);
            Assert.Contains("<nav id=\"desks\" aria-label=\"Desk\">", page, StringComparison.Ordinal);
            Assert.Contains("aria-current=\"page\">Standards desk</a>", page, StringComparison.Ordinal);
            Assert.Contains("ISO publishes AI management code", page, StringComparison.Ordinal);
            Assert.DoesNotContain("UK and India sign AI memorandum", page, StringComparison.Ordinal);
            await app.StopAsync(ct);
        }
    }
}
