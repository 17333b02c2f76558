using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

public sealed class ArticleEndpointTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Filters_pages_and_streams_the_store()
    {
        using var temp = new TempFolder();
        await using var worker = await StartAsync(temp, """{ "feeds": [] }""");
        var store = worker.App.Services.GetRequiredService<INewsStore>();
        store.Save(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"], feed: "gov"));
        store.Save(Articles.Make("a2", "ISO publishes AI code", Day.AddHours(1), ["standards"], feed: "press"));
        store.Save(Articles.Make("a3", "=HYPERLINK(\"x\") in a title", Day.AddHours(2), ["standards"], feed: "press"));
        var ct = TestContext.Current.CancellationToken;

        var standards = await Json(worker.Http, "/api/articles?theme=standards&page_size=1", ct);
        Assert.Equal(["a2"], standards.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var next = standards.GetProperty("next").GetString()!;
        var second = await Json(worker.Http, next, ct);
        Assert.Equal(["a3"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        Assert.Equal(2, (await Json(worker.Http, "/api/articles?feed=press", ct)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await Json(worker.Http, "/api/articles?q=memorandum", ct)).GetProperty("items").GetArrayLength());
        Assert.Equal(3, (await Json(worker.Http, "/api/articles?party=India&since=2026-11-22&until=2026-11-23", ct)).GetProperty("items").GetArrayLength());

        var jsonl = await worker.Http.GetStringAsync(new Uri("/api/articles?format=jsonl", UriKind.Relative), ct);
        Assert.Equal(3, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var csv = await worker.Http.GetStringAsync(new Uri("/api/articles?format=csv&theme=standards", UriKind.Relative), ct);
        Assert.StartsWith("schema_version,id,url,title", csv);
        Assert.Contains("'=HYPERLINK", csv);

        var bad = await worker.Http.GetAsync(new Uri("/api/articles?since=yesterday", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("since", await bad.Content.ReadAsStringAsync(ct));

        var one = await Json(worker.Http, "/api/articles/a1", ct);
        Assert.Equal("memorandum", one.GetProperty("tags")[0].GetProperty("evidence")[0].GetProperty("phrase").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await worker.Http.GetAsync(new Uri("/api/articles/nope", UriKind.Relative), ct)).StatusCode);

        var stories = await Json(worker.Http, "/api/stories?date=2026-11-22", ct);
        Assert.Equal(3, stories.GetProperty("stories").GetArrayLength());
    }

    [Fact]
    public async Task Answers_concurrent_requests_while_an_ingest_runs()
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        await using var worker = await StartAsync(temp, File.ReadAllText(feeds.FeedsFile));
        var ct = TestContext.Current.CancellationToken;
        var store = worker.App.Services.GetRequiredService<INewsStore>();
        var statuses = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var paths = new[] { "/api/articles", "/api/articles?format=csv", "/api/articles?format=jsonl&theme=bilateral", "/api/feeds", "/api/stories?date=2026-11-22", "/readyz" };

        while (store.FeedStates().Count(s => s.LastSuccess is not null) < 3 && DateTime.UtcNow < deadline)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => worker.Http.GetAsync(new Uri(paths[i % paths.Length], UriKind.Relative), ct)));
            statuses.AddRange(responses.Select(r => r.StatusCode));
        }

        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var feedStatus = await Json(worker.Http, "/api/feeds", ct);
        Assert.Equal(3, feedStatus.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_names_and_loose_dates_are_400_with_the_documented_message()
    {
        using var temp = new TempFolder();
        await using var worker = await StartAsync(temp, """{ "feeds": [] }""");
        worker.App.Services.GetRequiredService<INewsStore>().Save(Articles.Make("a1", "UK and India sign AI memorandum", Day, ["bilateral"], feed: "gov"));
        var ct = TestContext.Current.CancellationToken;

        foreach (var (query, expected) in new[]
        {
            ("theme=nosuchtheme", "theme \"nosuchtheme\" is not a theme; the themes are bilateral,"),
            ("feed=nosuchfeed", "feed \"nosuchfeed\" is not a feed id"),
            ("since=01/11/2026", "since \"01/11/2026\" is not a date (yyyy-MM-dd) or an ISO 8601 instant."),
            ("until=Nov%2020%202026", "until \"Nov 20 2026\" is not a date"),
            ("min_score=3", "min score \"3\" is not a number from 0 to 1"),
        })
        {
            var response = await worker.Http.GetAsync(new Uri("/api/articles?" + query, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("error").GetString();
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
        }

        Assert.Equal(1, (await Json(worker.Http, "/api/articles?feed=gov&theme=bilateral&since=2026-11-22T00:00:00Z", ct)).GetProperty("items").GetArrayLength());
    }

    private static async Task<JsonElement> Json(HttpClient http, string path, CancellationToken ct) =>
        JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), ct)).RootElement;

    private static async Task<RunningWorker> StartAsync(TempFolder temp, string feedsJson)
    {
        File.WriteAllText(temp.File("api-feeds.json"), feedsJson);
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("api-feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningWorker(app, new HttpClient { BaseAddress = new Uri(origin), Timeout = TimeSpan.FromSeconds(30) });
    }

    private sealed record RunningWorker(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
