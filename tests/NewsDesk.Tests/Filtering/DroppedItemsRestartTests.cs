using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Filtering;

/// <summary>
/// Issue 22: a dropped item is recorded (counted, with its rule) and never fetched again, also after a restart. Each
/// `ingest --once` is a new process of the real executable; the feed and its pages are served on 127.0.0.1 and the
/// server counts which article pages are requested.
/// </summary>
public sealed class DroppedItemsRestartTests
{
    private static readonly string Body = string.Join(' ', Enumerable.Repeat("The agency reported on cooperation with partner countries on water supply and sanitation.", 5));

    [Fact]
    public async Task Items_dropped_after_their_page_are_not_fetched_again_after_a_restart_and_are_counted_once()
    {
        var pages = new ConcurrentDictionary<string, int>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed", (HttpContext c) =>
            {
                var root = $"{c.Request.Scheme}://{c.Request.Host}/";
                string Item(string path, string title) => $"<item><title>{title}</title><link>{root}{path}</link><description>About {title}.</description></item>";
                return Results.Text($"""
                    <rss version="2.0"><channel><title>Agency</title>
                    {Item("news/water", "Water programme extended")}
                    {Item("news/tender", "Tender notice: office supplies")}
                    {Item("news/german", "Besuch in Accra")}
                    </channel></rss>
                    """, "application/rss+xml");
            });
            app.MapGet("/{section}/{id}", (string section, string id) =>
            {
                pages.AddOrUpdate($"{section}/{id}", 1, (_, n) => n + 1);
                return Results.Text($"<html lang=\"{(id == "german" ? "de" : "en")}\"><body><article><h1>{id}</h1><p>{Body}</p></article></body></html>", "text/html");
            });
        });
        using var temp = new TempFolder();
        string FeedsJson(string rules) => $$"""
            { "drop": [ { "phrase": "tender", "in": ["title"] } ],
              "feeds": [ { "id": "agency", "title": "Agency", "url": "{{server.Url("feed").AbsoluteUri}}", "kind": "government",
                           "schedule": { "interval": "00:30:00" }{{rules}} } ] }
            """;
        File.WriteAllText(temp.File("feeds.json"), FeedsJson(""", "drop": [ { "language": "de" } ]"""));
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        };

        foreach (var run in new[] { 1, 2 })
        {
            var ingest = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), temp.Path, env, "ingest", "--once");
            Assert.True(ingest.ExitCode == 0, $"run {run}: {ingest.Stdout}{ingest.Stderr}");
        }

        // The German page was read once, by the first process; the tender notice never.
        Assert.Equal(1, pages["news/german"]);
        Assert.False(pages.ContainsKey("news/tender"));
        var (code, stdout, stderr) = await CliProcess.RunAsync(temp.Path, env, "feeds", "list");
        Assert.True(code == 0, stderr);
        Assert.True(stdout.Contains("  agency: 2 dropped by rules: 1 by drop language de; 1 by drop phrase \"tender\" in title", StringComparison.Ordinal), stdout);

        // With the language rule gone, what it dropped is judged again: the page is read and the article stored.
        File.WriteAllText(temp.File("feeds.json"), FeedsJson(""));
        var third = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), temp.Path, env, "ingest", "--once");
        Assert.True(third.ExitCode == 0, third.Stdout + third.Stderr);
        Assert.Equal(2, pages["news/german"]);
        Assert.Contains("agency: 1 new", third.Stdout, StringComparison.Ordinal);
    }
}
