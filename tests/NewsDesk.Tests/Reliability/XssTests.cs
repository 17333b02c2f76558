using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using NewsDesk.Text;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9: every vector in <see cref="XssVectors"/> goes through the real path — a feed on loopback (title, summary,
/// content, link), the article page, the worker's ingest, the digest renderers, the editor page and the API — and no
/// output may carry anything executable.
/// </summary>
public sealed class XssTests
{
    private const string Cooperation = "The United Kingdom and India signed a memorandum of understanding on artificial intelligence safety research cooperation.";

    [Fact]
    public void Sanitizer_removes_every_vector()
    {
        var passed = new HashSet<int>();
        for (var i = 0; i < XssVectors.All.Length; i++)
        {
            if (HtmlSafety.Violations(HtmlText.Sanitize(XssVectors.All[i])).Count > 0)
            {
                passed.Add(i);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"HtmlText.Sanitize: {XssVectors.All.Length} vectors tried, {passed.Count} passed through ({string.Join(", ", passed)})");
        Assert.True(XssVectors.All.Length >= 30);
        Assert.Empty(passed);
    }

    [Fact]
    public async Task No_vector_survives_ingest_digest_editor_page_or_api()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        await using var source = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed.rss", (HttpRequest request) => Results.Content(Feed(new Uri($"{request.Scheme}://{request.Host}/"), now), "application/rss+xml; charset=utf-8"));
            app.MapGet("/article/{i:int}", (int i) => Results.Content(Page(i), "text/html; charset=utf-8"));
        });
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), $$"""{ "feeds": [ { "id": "hostile", "title": "Hostile", "url": "{{source.Url("feed.rss")}}", "kind": "press", "schedule": { "interval": "01:00:00" } } ] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["NewsDesk:Digest:ShowEvidence"] = "true",
            ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((store.GetFeedState("hostile")?.LastSuccess is null || store.CountArticles() < 2 * XssVectors.All.Length) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }

            Assert.NotNull(store.GetFeedState("hostile")?.LastSuccess);
            var ingested = store.CountArticles();

            // The same vectors straight into the store, tagged, so every one reaches the digest whatever the tagger thinks.
            for (var i = 0; i < XssVectors.All.Length; i++)
            {
                store.Save(Articles.Make($"direct{i}", XssVectors.All[i], now, ["bilateral"], text: $"{Cooperation} {XssVectors.All[i]}"));
            }

            var published = await app.Services.GetRequiredService<DigestPublisher>().PublishAsync(day, ct: ct);
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(origin) };
            var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var editor = await http.GetStringAsync(new Uri($"/?date={date}", UriKind.Relative), ct);
            var digestHtml = await http.GetStringAsync(new Uri($"/api/digests/{date}", UriKind.Relative), ct);
            var digestMd = await http.GetStringAsync(new Uri($"/api/digests/{date}?format=md", UriKind.Relative), ct);
            using var json = await http.GetAsync(new Uri("/api/articles?page_size=500", UriKind.Relative), ct);
            using var csv = await http.GetAsync(new Uri("/api/articles?format=csv", UriKind.Relative), ct);
            var csvText = await csv.Content.ReadAsStringAsync(ct);

            var violations = new List<string>();
            violations.AddRange(HtmlSafety.Violations(editor, allowedScripts: 1, allowHeadStyle: true).Select(v => "editor page " + v));
            violations.AddRange(HtmlSafety.Violations(digestHtml, allowHeadStyle: true).Select(v => "digest html " + v));
            violations.AddRange(HtmlSafety.Violations(published.Stored.Html, allowHeadStyle: true).Select(v => "published html " + v));
            violations.AddRange(HtmlSafety.MarkdownViolations(digestMd).Concat(HtmlSafety.MarkdownViolations(MarkdownDigestRenderer.Render(published.Digest, showEvidence: true))).Select(v => "digest md " + v));
            foreach (var article in store.Query(new ArticleQuery()))
            {
                violations.AddRange(HtmlSafety.Violations(article.Html).Select(v => $"stored article {article.Id} html " + v));
            }

            if (!(json.Content.Headers.ContentType?.MediaType ?? "").StartsWith("application/json", StringComparison.Ordinal))
            {
                violations.Add("api json served as " + json.Content.Headers.ContentType);
            }

            if (csv.Content.Headers.ContentType?.MediaType != "text/csv")
            {
                violations.Add("api csv served as " + csv.Content.Headers.ContentType);
            }

            violations.AddRange(CsvFormulaCells(csvText).Select(c => "csv formula cell: " + c));

            var passed = violations.SelectMany(HtmlSafety.Markers).Where(i => i < XssVectors.All.Length).ToHashSet();
            var shown = Enumerable.Range(0, XssVectors.All.Length).Count(i => digestHtml.Contains(XssVectors.Marker(i) + "'", StringComparison.Ordinal) || digestHtml.Contains(XssVectors.Marker(i) + ".", StringComparison.Ordinal));
            var output = TestContext.Current.TestOutputHelper;
            output?.WriteLine($"XSS through ingest → digest (html, md) → editor page → API: {XssVectors.All.Length} vectors tried, {passed.Count} passed through; {ingested} articles ingested from the hostile feed; {violations.Count} violations");
            foreach (var violation in violations.Take(40))
            {
                output?.WriteLine("  " + violation);
            }

            Assert.True(ingested >= XssVectors.All.Length, $"only {ingested} hostile articles were ingested");
            Assert.True(XssVectors.All.Length >= 30);
            Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
            Assert.Empty(passed);
            Assert.True(digestHtml.Contains("xss14", StringComparison.Ordinal), "the entity-encoded vector should show as text");
            Assert.DoesNotContain(store.Query(new ArticleQuery()), a => !a.Url.StartsWith("http", StringComparison.Ordinal));
            await app.StopAsync(ct);
        }
    }

    /// <summary>CSV cells that a spreadsheet would evaluate as a formula.</summary>
    private static IEnumerable<string> CsvFormulaCells(string csv) =>
        csv.Split('\n').SelectMany(line => line.Split(',')).Select(c => c.Trim('"')).Where(c => c.Length > 0 && c[0] is '=' or '+' or '@' or '\t' or '\r' || (c.StartsWith('-') && c.Length > 1 && !char.IsDigit(c[1])));

    private static string Feed(Uri origin, DateTimeOffset now)
    {
        var rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Hostile &lt;script&gt;alert('xss0')&lt;/script&gt; wire</title><link>")
            .Append(origin).Append("</link><description>hostile</description>");
        for (var i = 0; i < XssVectors.All.Length; i++)
        {
            var vector = XssVectors.All[i];
            var date = now.AddMinutes(-i).ToString("R");
            rss.Append("<item><title>").Append(SecurityElement.Escape($"UK and India sign AI memorandum {i} {vector}")).Append("</title>")
                .Append("<link>").Append(origin).Append("article/").Append(i).Append("</link><guid>page-").Append(i).Append("</guid>")
                .Append("<pubDate>").Append(date).Append("</pubDate>")
                .Append("<description>").Append(SecurityElement.Escape($"<p>{Cooperation} {vector}</p>")).Append("</description>")
                .Append("<content:encoded>").Append(SecurityElement.Escape($"<p>{Cooperation}</p>{vector}<p>{Cooperation}</p>")).Append("</content:encoded></item>");

            // The vector as the item link too: not fetchable, so the entry falls back to the feed's own content.
            rss.Append("<item><title>").Append(SecurityElement.Escape($"{vector} India AI memorandum link {i}")).Append("</title>")
                .Append("<link>").Append(SecurityElement.Escape(vector)).Append("</link><guid>link-").Append(i).Append("</guid>")
                .Append("<pubDate>").Append(date).Append("</pubDate>")
                .Append("<description>").Append(SecurityElement.Escape($"{vector} {Cooperation}")).Append("</description></item>");
        }

        return rss.Append("</channel></rss>").ToString();
    }

    private static string Page(int i)
    {
        var vector = XssVectors.All[i];
        var paragraphs = string.Concat(Enumerable.Range(0, 6).Select(p => $"<p>{Cooperation} Officials from both governments described paragraph {p} of the plan in detail.</p>"));
        return $"<!DOCTYPE html><html><head><title>AI memorandum {i} {WebUtility.HtmlEncode(vector)}</title><meta property=\"og:title\" content=\"{WebUtility.HtmlEncode(vector)}\">{vector}</head>"
            + $"<body onload=\"alert('xss{i}')\"><nav>{vector}</nav><article><h1>UK and India AI memorandum {i} {vector}</h1>{paragraphs}<p>{vector}</p><p>{Cooperation}</p></article></body></html>";
    }
}
