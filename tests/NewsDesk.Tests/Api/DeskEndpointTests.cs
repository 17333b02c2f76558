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
            store.Save(Articles.Make("a3", "Fintech start-up raises funds", day));
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
            using var stories = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/stories?date=2026-11-22", UriKind.Relative), ct));

            Assert.Contains("UK and India sign AI memorandum", all, StringComparison.Ordinal);
            Assert.StartsWith("# Standards desk digest for 2026-11-22", standards, StringComparison.Ordinal);
            Assert.DoesNotContain("UK and India", standards, StringComparison.Ordinal);
            Assert.Contains("ISO publishes AI management code", standards, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(2, stories.RootElement.GetProperty("stories").GetArrayLength());
            Assert.Equal("Fintech start-up raises funds", stories.RootElement.GetProperty("alsoInTheFeeds")[0].GetProperty("title").GetString());
            Assert.EndsWith("/api/digests/2026-11-22?format=html&desk=standards", Assert.Single(deskFeed.Entries).Link);
            Assert.EndsWith("/api/digests/2026-11-22?format=html", Assert.Single(defaultFeed.Entries).Link);
            Assert.Contains("<nav id=\"desks\" aria-label=\"Desk\">", page, StringComparison.Ordinal);
            Assert.Contains("aria-current=\"page\">Standards desk</a>", page, StringComparison.Ordinal);
            Assert.Contains("ISO publishes AI management code", page, StringComparison.Ordinal);
            Assert.DoesNotContain("UK and India sign AI memorandum", page, StringComparison.Ordinal);

            // The page's export link and the API keep the desk: its rows only, and an unknown desk or parameter is a 400.
            var exportLink = System.Text.RegularExpressions.Regex.Match(page, "href=\"([^\"]*format=csv[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
            var csv = await http.GetStringAsync(new Uri(exportLink, UriKind.Relative), ct);
            using var deskArticles = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/articles?desk=standards", UriKind.Relative), ct));
            var unknownDesk = await http.GetAsync(new Uri("/api/articles?desk=nope&format=csv", UriKind.Relative), ct);
            var unknownParameter = await http.GetAsync(new Uri("/api/articles?thme=standards", UriKind.Relative), ct);

            Assert.Contains("&desk=standards", exportLink, StringComparison.Ordinal);
            // As `export --desk`: the desk's tagged news and the untagged articles (its digest lists their headlines), not a1.
            Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains("ISO publishes AI management code", csv, StringComparison.Ordinal);
            Assert.DoesNotContain("UK and India", csv, StringComparison.Ordinal);
            Assert.Equal(["a2", "a3"], deskArticles.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order());
            Assert.Equal(HttpStatusCode.BadRequest, unknownDesk.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, unknownParameter.StatusCode);
            using var refusal = System.Text.Json.JsonDocument.Parse(await unknownParameter.Content.ReadAsStringAsync(ct));
            Assert.StartsWith("\"thme\" is not a parameter of /api/articles", refusal.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
            await app.StopAsync(ct);
        }
    }
}
