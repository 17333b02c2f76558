using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>Which day the editors' page shows by default, and what its CSV link exports, over plain HTTP to the real worker.</summary>
public sealed partial class EditorPageDayTests
{
    private const string Zone = "Asia/Tokyo";

    [Fact]
    public async Task The_page_shows_the_newest_day_with_news_when_today_has_none_and_says_so()
    {
        await using var worker = await StartAsync();
        var (today, threeDaysAgo, _) = worker.Days;

        var page = await worker.Http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Ingested today, published three days ago", page, StringComparison.Ordinal);
        Assert.Contains($"No news dated today ({today:yyyy-MM-dd}) yet: showing {threeDaysAgo:yyyy-MM-dd}, the newest day with news.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No articles were published or ingested on this day", page, StringComparison.Ordinal);
        Assert.Contains($"<title>NewsDesk: {threeDaysAgo:yyyy-MM-dd}</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_asked_for_is_shown_as_it_is_and_its_csv_link_exports_that_day_only()
    {
        await using var worker = await StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var (today, threeDaysAgo, fiveDaysAgo) = worker.Days;

        var empty = await worker.Http.GetStringAsync(new Uri($"/?date={today:yyyy-MM-dd}", UriKind.Relative), ct);
        var older = await worker.Http.GetStringAsync(new Uri($"/?date={fiveDaysAgo:yyyy-MM-dd}", UriKind.Relative), ct);
        var csv = await worker.Http.GetStringAsync(new Uri(CsvLink(older), UriKind.Relative), ct);
        var newestCsv = await worker.Http.GetStringAsync(new Uri(CsvLink(await worker.Http.GetStringAsync(new Uri("/", UriKind.Relative), ct)), UriKind.Relative), ct);

        // Asked for by date, today is today, empty, and no notice.
        Assert.Contains("No articles were published or ingested on this day", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"notice\"", empty, StringComparison.Ordinal);
        Assert.Contains("https://example.org/five", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("https://example.org/three", csv, StringComparison.Ordinal);
        Assert.Contains("https://example.org/three", newestCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("https://example.org/five", newestCsv, StringComparison.Ordinal);
        Assert.DoesNotContain($"{threeDaysAgo:yyyy-MM-dd}", CsvLink(older), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01", "is outside the days a digest can cover (0001-01-02 to 9999-12-30)")]
    [InlineData("9999-12-31", "is outside the days a digest can cover (0001-01-02 to 9999-12-30)")]
    [InlineData("2026-02-30", "is not a date in the form yyyy-MM-dd")]
    [InlineData("22/11/2026", "is not a date in the form yyyy-MM-dd")]
    public async Task A_day_the_page_cannot_show_is_refused_in_words_above_the_day_shown(string asked, string why)
    {
        // Found by the red team: the page showed the newest day under "No news dated today", as if nothing was asked.
        await using var worker = await StartAsync();
        var (today, threeDaysAgo, _) = worker.Days;

        var page = await worker.Http.GetStringAsync(new Uri($"/?date={Uri.EscapeDataString(asked)}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains(WebUtility.HtmlEncode($"The date \"{asked}\" {why}. No news dated today ({today:yyyy-MM-dd}) yet: showing {threeDaysAgo:yyyy-MM-dd}, the newest day with news."), page, StringComparison.Ordinal);
    }

    private static string CsvLink(string page) => WebUtility.HtmlDecode(CsvHref().Match(page).Groups[1].Value);

    [GeneratedRegex("<a href=\"([^\"]+)\">export CSV</a>")]
    private static partial Regex CsvHref();

    private static async Task<Worker> StartAsync()
    {
        var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:TimeZone"] = Zone,
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var store = app.Services.GetRequiredService<INewsStore>();
        // Midday in Tokyo, three and five days back, both ingested just now: what a morning's poll of slow feeds stores.
        var three = DigestBuilder.Bounds(today.AddDays(-3), zone).Start.AddHours(12);
        var five = DigestBuilder.Bounds(today.AddDays(-5), zone).Start.AddHours(12);
        store.Save(Articles.Make("three", "Ingested today, published three days ago", three, ["bilateral"]) with { Ingested = now, LastUpdated = now });
        store.Save(Articles.Make("five", "Ingested today, published five days ago", five, ["standards"]) with { Ingested = now, LastUpdated = now });
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Worker(app, temp, new HttpClient { BaseAddress = new Uri(address) }, (today, today.AddDays(-3), today.AddDays(-5)));
    }

    private sealed record Worker(Microsoft.AspNetCore.Builder.WebApplication App, TempFolder Temp, HttpClient Http, (DateOnly Today, DateOnly ThreeDaysAgo, DateOnly FiveDaysAgo) Days) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
            Temp.Dispose();
        }
    }
}
