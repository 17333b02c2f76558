using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsDesk.Storage;
using NewsDesk.Tagging;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Retag;

/// <summary>Issue 22: the running worker retags through its API (POST /api/admin/retag, GET for progress), one retag at a time.</summary>
public sealed class WorkerRetagTests
{
    private const int Seeded = 2000;

    [Fact]
    public async Task The_worker_retags_in_the_background_one_retag_at_a_time_and_reports_progress()
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        // Enough stored articles that the retag is still running when the second request comes.
        using (var seed = new LiteDbNewsStore(temp.File("news.db")))
        {
            seed.InsertMany(Enumerable.Range(0, Seeded).Select(i =>
                Articles.Make($"s{i:D5}", $"Report {i}: UK and India sign memorandum {i} on AI", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), ["talent"])));
        }

        var ct = TestContext.Current.CancellationToken;
        using (var worker = await WorkerProcess.StartAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__FeedsFile"] = feeds.FeedsFile,
            ["NewsDesk__Fetch__AllowPrivateNetworks"] = "true",
        }))
        {
            using var badDate = await worker.Http.PostAsync("api/admin/retag?since=22/11/2026", null, ct);
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
            Assert.Contains("since", await badDate.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            using var badFeed = await worker.Http.PostAsync("api/admin/retag?feed=no-such-feed", null, ct);
            Assert.Equal(HttpStatusCode.BadRequest, badFeed.StatusCode);
            // A misspelt parameter would retag everything: refused.
            using var misspelt = await worker.Http.PostAsync("api/admin/retag?sinse=2026-11-22", null, ct);
            Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
            Assert.Contains("sinse\\\" is not a parameter", await misspelt.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            Assert.Equal("never run", await State(worker, ct));

            using var started = await worker.Http.PostAsync("api/admin/retag", null, ct);
            using var second = await worker.Http.PostAsync("api/admin/retag", null, ct);

            Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(ct));
            Assert.True(second.StatusCode == HttpStatusCode.Conflict, await second.Content.ReadAsStringAsync(ct) + worker.Output);
            JsonElement status;
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
            var seenRunning = false;
            do
            {
                await Task.Delay(200, ct);
                status = await worker.Http.GetFromJsonAsync<JsonElement>("api/admin/retag", ct);
                seenRunning |= status.GetProperty("state").GetString() == "running" && status.GetProperty("total").GetInt32() >= Seeded;
            }
            while (status.GetProperty("state").GetString() == "running" && DateTime.UtcNow < deadline);

            Assert.True(seenRunning, status.ToString());
            Assert.True(status.GetProperty("state").GetString() == "finished", status + worker.Output);
            var summary = status.GetProperty("summary");
            Assert.True(summary.GetProperty("processed").GetInt32() >= Seeded, status.ToString());
            Assert.Equal(Seeded, summary.GetProperty("removed").GetProperty("talent").GetInt32());
            Assert.Equal(Taxonomy.LoadDefault().Version, status.GetProperty("taxonomyVersion").GetString());

            // Finished: a new one may start.
            using var again = await worker.Http.PostAsync("api/admin/retag?feed=demo-techpress", null, ct);
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        using var store = new LiteDbNewsStore(temp.File("news.db"));
        Assert.All(store.Query(new ArticleQuery()).Where(a => a.Id.StartsWith('s')), a =>
        {
            Assert.Equal(Taxonomy.LoadDefault().Version, a.TaxonomyVersion);
            Assert.DoesNotContain("talent", a.Themes);
        });
    }

    private static async Task<string?> State(WorkerProcess worker, CancellationToken ct) =>
        (await worker.Http.GetFromJsonAsync<JsonElement>("api/admin/retag", ct)).GetProperty("state").GetString();
}
