using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Alerts;
using NewsDesk.Storage;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Alerts;

/// <summary>
/// Alerts through the real worker, restarted between polls, against a loopback feed, webhook and SMTP server: the
/// first poll's backlog never alerts; a new matching story alerts once, by webhook and e-mail; after a restart the
/// same story is not alerted again.
/// </summary>
public sealed partial class AlertRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Fixed, so that an unchanged item reads the same on every poll.
    private static readonly DateTimeOffset Published = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_story_alerts_once_across_restarts_and_the_first_poll_s_backlog_never()
    {
        var ct = TestContext.Current.CancellationToken;
        var items = new List<(string Slug, string Title, string Text)>
        {
            ("uk-india", "UK and India sign AI safety memorandum", "The United Kingdom and India signed a memorandum of understanding on artificial intelligence safety on Monday. The two governments agreed to cooperate on testing frontier AI models and to share research between their AI safety institutes. Officials said the partnership would start next year."),
        };
        await using var site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed.rss", (HttpContext context) => Results.Text(Rss(context, items), "application/rss+xml"));
            app.MapGet("/news/{slug}", (string slug) => items.FirstOrDefault(i => i.Slug == slug) is { Title: not null } item
                ? Results.Text($"<!DOCTYPE html><html lang=\"en\"><head><title>{item.Title}</title></head><body><article><h1>{item.Title}</h1><p>{item.Text}</p><p>{item.Text}</p></article></body></html>", "text/html")
                : Results.NotFound());
        });
        var posts = new List<string>();
        await using var hook = await LoopbackServer.StartAsync(app => app.MapPost("/alerts", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            lock (posts)
            {
                posts.Add(body);
            }

            return Results.Ok();
        }));
        await using var smtp = new FakeSmtpServer();
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), JsonSerializer.Serialize(new
        {
            feeds = new[] { new { id = "wire", title = "Wire", url = site.Url("feed.rss").AbsoluteUri, kind = "press", schedule = new { interval = "01:00:00" }, enabled = true } },
        }));
        var environment = new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Digest__AlertInterval"] = "00:00:01",
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
            ["NewsDesk__Delivery__Smtp__Host"] = "127.0.0.1",
            ["NewsDesk__Delivery__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["NewsDesk__Delivery__Smtp__Security"] = "None",
            // The default digest's recipient: NewsDesk:Delivery:Smtp needs one. No digest is made in this test.
            ["NewsDesk__Delivery__Smtp__To"] = "everyone@desk.example",
            ["NewsDesk__Digest__Desks__0__Id"] = "ai",
            ["NewsDesk__Digest__Desks__0__Name"] = "AI desk",
            ["NewsDesk__Digest__Desks__0__Alert__Sources__0"] = "press",
            ["NewsDesk__Digest__Desks__0__Alert__Webhook"] = hook.Url("alerts").AbsoluteUri,
            ["NewsDesk__Digest__Desks__0__Alert__Recipients__0"] = "alerts@desk.example",
        };
        // The alerter logs each check at Debug: what it knows is read from there while the worker holds the store.
        environment["Logging__LogLevel__NewsDesk.Alerts"] = "Debug";

        // 1. The first poll: its one article is backlog, seen and never alerted.
        using (var worker = await WorkerProcess.StartAsync(temp.Path, environment))
        {
            // A check after the poll: its article is the first poll's (until the second poll shows, undecided), never alerted.
            await WaitAsync(() => ChecksAfterPoll(worker) >= 2, worker, ct);
        }

        Assert.Empty(posts);
        Assert.Empty(smtp.Messages);

        // 2. A new matching story, polled after a restart: one alert, by webhook and e-mail.
        items.Add(("eu-japan", "EU and Japan sign AI safety pact", "The European Union and Japan signed an agreement on artificial intelligence safety on Tuesday. The two partners will cooperate on evaluating frontier AI models and exchange researchers between their AI offices. The pact takes effect in the spring."));
        using (var worker = await WorkerProcess.StartAsync(temp.Path, environment))
        {
            await WaitAsync(() => Count(posts) == 1 && smtp.Messages.Count == 1, worker, ct);
        }

        // 3. Restarted again: the story is re-read (the check looks back a few minutes) and not alerted again.
        using (var worker = await WorkerProcess.StartAsync(temp.Path, environment))
        {
            await WaitAsync(() => Checks(worker) >= 3, worker, ct);
        }

        var post = Assert.Single(posts);
        var text = JsonDocument.Parse(post).RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("AI desk alert: EU and Japan sign AI safety pact", text, StringComparison.Ordinal);
        Assert.Contains(site.Url("news/eu-japan").AbsoluteUri, text, StringComparison.Ordinal);
        Assert.DoesNotContain(posts, p => p.Contains("UK and India", StringComparison.Ordinal));
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["<alerts@desk.example>"], mail.To);
        Assert.Contains("Subject: AI desk alert: EU and Japan sign AI safety pact", mail.Data, StringComparison.Ordinal);
        using var store = new LiteDbNewsStore(temp.File("news.db"));
        using var state = JsonDocument.Parse(store.GetRecord(AlertState.RecordName)!);
        Assert.True(state.RootElement.GetProperty("stories").GetProperty("ai").EnumerateObject().Count() >= 2);
    }

    private static string Rss(HttpContext context, List<(string Slug, string Title, string Text)> items)
    {
        var origin = $"http://{context.Request.Host}";
        var entries = string.Concat(items.Select((item, i) =>
            $"<item><title>{item.Title}</title><link>{origin}/news/{item.Slug}</link><guid>{origin}/news/{item.Slug}</guid><pubDate>{Published.AddHours(i).ToString("r", CultureInfo.InvariantCulture)}</pubDate><description>{item.Text}</description></item>"));
        return $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>{origin}/</link><description>Wire</description>{entries}</channel></rss>";
    }

    private static int Count(List<string> posts)
    {
        lock (posts)
        {
            return posts.Count;
        }
    }

    private static int Checks(WorkerProcess worker) => CheckLine().Matches(worker.Output).Count;

    private static int ChecksAfterPoll(WorkerProcess worker)
    {
        var output = worker.Output;
        var polled = output.IndexOf("Polled wire", StringComparison.Ordinal);
        return polled < 0 ? 0 : CheckLine().Matches(output[polled..]).Count;
    }

    [GeneratedRegex(@"Alert check: (\d+) articles read, (\d+) stories and articles known")]
    private static partial Regex CheckLine();

    private static async Task WaitAsync(Func<bool> done, WorkerProcess worker, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException("alerts: condition not reached; worker output:\n" + worker.Output);
            }

            await Task.Delay(200, ct);
        }
    }
}
