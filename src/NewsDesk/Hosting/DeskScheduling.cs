using System.Globalization;
using NewsDesk.Digests;
using NewsDesk.Jobs;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// One digest trigger per desk, at the desk's own local time and zone (the digest's when unset), on the same
/// <see cref="DigestJob"/> as the default digest. Kept apart from <see cref="SchedulingServices"/> so the desks'
/// schedule reads in one place.
/// </summary>
public static class DeskScheduling
{
    public static IHostApplicationBuilder AddDeskDigests(this IHostApplicationBuilder builder, DigestOptions digest)
    {
        builder.Services.AddQuartz(q =>
        {
            foreach (var desk in digest.Desks)
            {
                var time = TimeOnly.ParseExact(desk.Time ?? digest.Time, "HH:mm", CultureInfo.InvariantCulture);
                q.ScheduleJob<DigestJob>(
                    trigger => trigger.WithIdentity($"digest-desk-{desk.Id}").UsingJobData(DigestJob.DeskKey, desk.Id)
                        .WithCronSchedule($"0 {time.Minute} {time.Hour} * * ?", c => c.InTimeZone(digest.Zone(desk)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                    job => job.WithIdentity($"digest-desk-{desk.Id}").DisallowConcurrentExecution());
            }
        });
        return builder;
    }
}
