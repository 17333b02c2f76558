using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Exports;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.EndToEnd;

/// <summary>
/// The real CLI and the worker's API with NewsDesk__Storage__Provider=postgres: `ingest --once` from loopback feeds into
/// a fresh database, then `export`, `db migrate`, and `db backup`/`db compact` refused in one line.
/// </summary>
public sealed class PostgresEndToEndTests
{
    private static readonly string[] Reports = ["harbour-opens", "harbour-fees", "rail-strike"];

    [Fact]
    public async Task Ingest_export_and_db_commands_run_on_postgres_and_leave_no_litedb_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        await using var server = await LoopbackServer.StartAsync(MapFeed);
        using var temp = new TempFolder();
        var env = Environment(temp, db, server.Url("feed.rss"));

        var first = await CliProcess.RunAsync(temp.Path, env, "ingest", "--once");
        var again = await CliProcess.RunAsync(temp.Path, env, "ingest", "--once");
        var csv = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "csv");
        var migrate = await CliProcess.RunAsync(temp.Path, env, "db", "migrate");
        var backup = await CliProcess.RunAsync(temp.Path, env, "db", "backup", temp.File("copy.db"));
        var compact = await CliProcess.RunAsync(temp.Path, env, "db", "compact");

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Contains("port: 3 new, 0 updated", first.Stdout, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
        Assert.Contains("port: 0 new", again.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("news.db")), "a LiteDB file was created although the store is PostgreSQL");

        using var store = new PostgresNewsStore(db.ConnectionString);
        Assert.Equal(3, store.CountArticles());
        Assert.NotNull(store.GetFeedState("port")?.LastSuccess);
        using (var expected = new StringWriter())
        {
            ArticleExporter.Write(store.Query(new ArticleQuery()), ExportFormat.Csv, expected, ct: ct);
            Assert.True(csv.ExitCode == 0, csv.Stderr);
            Assert.Equal(expected.ToString(), csv.Stdout);
        }

        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Contains("0 of 3 articles", migrate.Stdout, StringComparison.Ordinal);
        Assert.Contains(db.Database, migrate.Stdout, StringComparison.Ordinal);
        AssertOneLineError(backup, "pg_dump");
        AssertOneLineError(compact, "VACUUM");
        Assert.False(File.Exists(temp.File("copy.db")));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_one_line_naming_it()
    {
        using var temp = new TempFolder();
        var env = new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Provider"] = "postgres",
            // A port nothing listens on: connection refused at once.
            ["NewsDesk__Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=newsdesk;Username=newsdesk;Timeout=3",
        };

        var export = await CliProcess.RunAsync(temp.Path, env, "export", "--format", "csv");

        AssertOneLineError(export, "127.0.0.1:1");
    }

    [Fact]
    public async Task The_api_reads_articles_stories_feeds_and_exports_from_postgres()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestPostgres.CreateAsync(ct);
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Provider"] = "postgres",
            ["NewsDesk:Storage:ConnectionString"] = db.ConnectionString,
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(ct);
        try
        {
            var store = app.Services.GetRequiredService<INewsStore>();
            Assert.IsType<PostgresNewsStore>(store);
            var day = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", day, ["bilateral"], feed: "gov", story: "s1"));
            store.Save(Articles.Make("a2", "ISO publishes AI code", day.AddHours(1), ["standards"], feed: "press", story: "s1"));
            store.Save(Articles.Make("a3", "Chip maker raises funds", day.AddHours(2), feed: "press"));
            using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

            var standards = await Json(http, "/api/articles?theme=standards", ct);
            Assert.Equal(["a2"], standards.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            var memorandum = await Json(http, "/api/articles?q=memorandum", ct);
            Assert.Equal(["a1"], memorandum.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            Assert.Equal("memorandum", (await Json(http, "/api/articles/a1", ct)).GetProperty("tags")[0].GetProperty("evidence")[0].GetProperty("phrase").GetString());
            Assert.Equal(2, (await Json(http, "/api/stories?date=2026-11-22", ct)).GetProperty("stories").GetArrayLength());
            var csv = await http.GetStringAsync(new Uri("/api/articles?format=csv", UriKind.Relative), ct);
            Assert.Equal(4, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative), ct)).StatusCode);
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }
    }

    private static void AssertOneLineError((int ExitCode, string Stdout, string Stderr) result, string names)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stdout}{result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsdesk: ", line, StringComparison.Ordinal);
        Assert.Contains(names, line, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(TempFolder temp, TestPostgres db, Uri feed)
    {
        File.WriteAllText(temp.File("feeds.json"), $$"""{"feeds":[{"id":"port","title":"Port news","url":"{{feed}}","kind":"press","schedule":{"interval":"00:30:00"},"enabled":true}]}""");
        return new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Provider"] = "postgres",
            ["NewsDesk__Storage__ConnectionString"] = db.ConnectionString,
            // Set to show that the postgres store never makes this file.
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        };
    }

    private static void MapFeed(WebApplication app)
    {
        app.MapGet("/feed.rss", (HttpContext context) =>
        {
            var origin = $"http://{context.Request.Host}/";
            var rss = new StringBuilder($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Port news</title><link>{origin}</link><description>d</description>");
            foreach (var (report, i) in Reports.Select((r, i) => (r, i)))
            {
                rss.Append($"<item><title>{Title(report)}</title><link>{origin}{report}</link><guid>{origin}{report}</guid><pubDate>Sun, 22 Nov 2026 0{i}:00:00 GMT</pubDate><description>Feed text.</description></item>");
            }

            return Results.Text(rss.Append("</channel></rss>").ToString(), "application/rss+xml");
        });
        foreach (var report in Reports)
        {
            app.MapGet("/" + report, () => Results.Text(
                $"""
                <!DOCTYPE html><html><head><title>{Title(report)}</title></head>
                <body><article><h1>{Title(report)}</h1>
                <p>{string.Concat(Enumerable.Repeat($"The report on {report.Replace('-', ' ')} says the city council met the port authority on Sunday. ", 4))}</p>
                <p>Officials from the United Kingdom and India attended, and a memorandum on standards was signed by both.</p>
                </article></body></html>
                """, "text/html"));
        }
    }

    private static string Title(string report) => report switch
    {
        "harbour-opens" => "New harbour opens to container ships",
        "harbour-fees" => "Harbour fees rise as new harbour opens",
        _ => "Rail strike halts trains across the region",
    };

    private static async Task<JsonElement> Json(HttpClient http, string path, CancellationToken ct) =>
        JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), ct)).RootElement;
}
