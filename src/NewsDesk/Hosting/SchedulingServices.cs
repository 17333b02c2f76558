using System.Globalization;
using NewsDesk.Digests;
using NewsDesk.Feeds;
using NewsDesk.Jobs;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// The worker's schedule: one poll job per enabled feed (first poll at start, misfires fire once and carry on)
/// and the daily digest job at its local time. Quartz reads time through the host's TimeProvider.
/// </summary>
public static class SchedulingServices
{
    public static IHostApplicationBuilder AddNewsDeskScheduling(this IHostApplicationBuilder builder, IReadOnlyList<FeedDefinition> feeds, DigestOptions digest, TimeSpan shutdownTimeout)
    {
        var retention = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        builder.AddQuartz(q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            foreach (var feed in feeds.Where(f => f.Enabled))
            {
                q.ScheduleJob<FeedPollJob>(
                    trigger =>
                    {
                        trigger.WithIdentity($"poll-{feed.Id}").UsingJobData(FeedPollJob.FeedIdKey, feed.Id).StartNow();
                        if (feed.Schedule.Cron is { } cron)
                        {
                            trigger.WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
                        }
                        else
                        {
                            // A poll that could not start on time (all of Quartz's threads busy: with 1,000 feeds, the
                            // first polls queue for minutes) runs as soon as a thread is free, and the interval counts
                            // from then. "Next with remaining count" skipped it to the next interval instead: the
                            // in-memory store calls a fire 5 s late a misfire, so at start 867 of 1,000 feeds waited
                            // 30 minutes for their first poll (bench/worker-rss.sh).
                            trigger.WithSimpleSchedule(s => s.WithInterval(feed.Schedule.Interval!.Value).RepeatForever()
                                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount));
                        }
                    },
                    job => job.WithIdentity($"feed-{feed.Id}").DisallowConcurrentExecution());
            }

            var time = TimeOnly.ParseExact(digest.Time, "HH:mm", CultureInfo.InvariantCulture);
            q.ScheduleJob<DigestJob>(
                trigger => trigger.WithIdentity("daily-digest")
                    .WithCronSchedule($"0 {time.Minute} {time.Hour} * * ?", c => c.InTimeZone(digest.Zone()).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity("digest").DisallowConcurrentExecution());

            // Off by default: deleting stored articles is the operator's decision (NewsDesk:Retention:Enabled).
            if (retention.Enabled && CronExpression.TryParse(retention.Schedule, out _))
            {
                q.ScheduleJob<RetentionJob>(
                    trigger => trigger.WithIdentity("retention").WithCronSchedule(retention.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                    job => job.WithIdentity("retention").DisallowConcurrentExecution());
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // After Quartz's hosted service, so that it stops first (hosted services stop in reverse order).
        builder.Services.AddHostedService<RunningJobsDrain>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
        return builder;
    }
}
