using System.Net;
using System.Text.Json;
using NewsDesk.Storage;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>
/// Issue 18: the read API and `digest --date` on odd input, through the real worker and CLI. Days at the ends of the
/// calendar are refused with a message (they were 500s and an abort), and a page past the end is empty under its own
/// number (an overflowing offset served page 1 again).
/// </summary>
public sealed class OddInputTests
{
    [Fact]
    public async Task Days_at_the_ends_of_the_calendar_and_pages_past_the_end_are_answered_not_500s()
    {
        using var temp = new TempFolder();
        using (var store = new LiteDbNewsStore(temp.File("news.db")))
        {
            for (var n = 0; n < 3; n++)
            {
                store.Save(Articles.Make($"a{n}", $"Article {n}", new DateTimeOffset(2026, 11, 22, 9 + n, 0, 0, TimeSpan.Zero), ["bilateral"]));
            }
        }

        using var worker = await WorkerProcess.StartAsync(temp.Path, Environment(temp, "Pacific/Kiritimati"));
        var ct = TestContext.Current.CancellationToken;
        async Task<(HttpStatusCode Status, string Body)> Get(string path)
        {
            using var response = await worker.Http.GetAsync(new Uri(path, UriKind.Relative), ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        foreach (var date in new[] { "9999-12-31", "0001-01-01" })
        {
            var (status, body) = await Get($"/api/stories?date={date}");
            Assert.True(status == HttpStatusCode.BadRequest, $"/api/stories?date={date}: {status} {body}");
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
            Assert.Equal($"date \"{date}\" is outside the days a digest can cover (0001-01-02 to 9999-12-30)", error);

            // The editors' page treats a day it cannot show like any other unreadable date: it shows today.
            Assert.Equal(HttpStatusCode.OK, (await Get($"/?date={date}")).Status);
        }

        foreach (var date in new[] { "9999-12-30", "0001-01-02" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Get($"/api/stories?date={date}")).Status);
            var (status, page) = await Get($"/?date={date}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains($"NewsDesk: {date}", page, StringComparison.Ordinal);
        }

        foreach (var (page, size) in new[] { (4294969, 500), (2, 2), (1073741824, 2), (int.MaxValue, 500) })
        {
            var (status, body) = await Get($"/api/articles?page={page}&page_size={size}");
            Assert.True(status == HttpStatusCode.OK, $"page {page}: {status} {body}");
            using var json = JsonDocument.Parse(body);
            Assert.Equal(page, json.RootElement.GetProperty("page").GetInt32());
            Assert.Equal(page == 2 ? 1 : 0, json.RootElement.GetProperty("items").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);
        }

        foreach (var query in new[] { "page=0", "page=-1", "page=2147483648", "page=two", "page_size=0", "page_size=1e3" })
        {
            var (status, body) = await Get($"/api/articles?{query}");
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status} {body}");
        }

        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_for_a_day_at_the_end_of_the_calendar_is_a_usage_error_and_the_last_day_works()
    {
        using var temp = new TempFolder();
        var environment = Environment(temp, "Pacific/Kiritimati");
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, environment, "digest", "--date", "9999-12-31");
        Assert.True(exitCode == 2, $"exit {exitCode}: {stdout}{stderr}");
        Assert.Equal($"newsdesk: --date \"9999-12-31\" is outside the days a digest can cover (0001-01-02 to 9999-12-30).", stderr.Trim());

        foreach (var zone in new[] { "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        {
            foreach (var date in new[] { "9999-12-30", "0001-01-02" })
            {
                (exitCode, stdout, stderr) = await CliProcess.RunAsync(temp.Path, Environment(temp, zone), "digest", "--date", date, "--format", "json");
                Assert.True(exitCode == 0, $"{zone} {date}: exit {exitCode}: {stderr}");
                Assert.Contains(date, stdout, StringComparison.Ordinal);
            }
        }
    }

    private static Dictionary<string, string> Environment(TempFolder temp, string zone)
    {
        File.WriteAllText(temp.File("feeds.json"), """{"feeds":[]}""");
        if (!File.Exists(temp.File("news.db")))
        {
            new LiteDbNewsStore(temp.File("news.db")).Dispose();
        }

        return new()
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Digest__TimeZone"] = zone,
        };
    }
}
