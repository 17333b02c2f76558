using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Desks;
using NewsDesk.Hosting;
using NewsDesk.Jobs;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using Quartz;

namespace NewsDesk.Tests.Jobs;

public sealed class DigestGroupTests
{
    [Fact]
    public async Task Digests_due_at_one_time_and_zone_are_one_job_that_makes_each_of_them()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["NewsDesk:Digest:Time"] = "06:45",
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["NewsDesk:Digest:Desks:0:Id"] = "gov",
            ["NewsDesk:Digest:Desks:0:Themes:0"] = "bilateral",
            ["NewsDesk:Digest:Desks:1:Id"] = "standards",
            ["NewsDesk:Digest:Desks:1:Themes:0"] = "standards",
            ["NewsDesk:Digest:Desks:2:Id"] = "late",
            ["NewsDesk:Digest:Desks:2:Time"] = "09:00",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            var ct = TestContext.Current.CancellationToken;
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            await app.Services.GetRequiredService<ScheduleReconciler>().ReconcileAsync(scheduler, ct);

            // The default digest, gov and standards share 06:45 UTC: one job. late has its own.
            var morning = await scheduler.GetJobDetail(new JobKey("digest"), ct);
            var late = await scheduler.GetJobDetail(new JobKey("digest-desk-late"), ct);
            Assert.NotNull(morning);
            Assert.Equal("yes", morning.JobDataMap.GetString(DigestJob.DefaultKey));
            Assert.Equal("gov,standards", morning.JobDataMap.GetString(DigestJob.DesksKey));
            Assert.NotNull(late);
            Assert.Equal("no", late.JobDataMap.GetString(DigestJob.DefaultKey));
            Assert.Null(await scheduler.GetJobDetail(new JobKey("digest-desk-gov"), ct));

            // Fired for real, the morning job makes and stores all three of its digests, and not late's.
            await scheduler.Start(ct);
            await scheduler.TriggerJob(new JobKey("digest"), ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ids = new[] { DeskDigestId.For(yesterday, null), DeskDigestId.For(yesterday, "gov"), DeskDigestId.For(yesterday, "standards") };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!ids.All(id => store.GetDigest(id) is not null) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }

            Assert.All(ids, id => Assert.NotNull(store.GetDigest(id)));
            Assert.Null(store.GetDigest(DeskDigestId.For(yesterday, "late")));
            await scheduler.Shutdown(true, ct);
        }
    }
}
