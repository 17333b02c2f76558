using System.Globalization;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Feeds;
using NewsDesk.Hosting;
using Quartz;

namespace NewsDesk.Jobs;

/// <summary>
/// Every job the worker runs, built from feeds.json and the options at start. <see cref="ScheduleReconciler"/>
/// makes Quartz's store hold exactly these, so a job that belongs in the schedule joins this list: a job stored any
/// other way is deleted at the next start, since the persistent store would otherwise keep it forever.
/// </summary>
public sealed class SchedulePlan(IReadOnlyList<ScheduledJob> jobs)
{
    public IReadOnlyList<ScheduledJob> Jobs { get; } = jobs;

    public static SchedulePlan Build(IEnumerable<FeedDefinition> feeds, DigestOptions digest, RetentionOptions retention)
    {
        var jobs = feeds.Where(f => f.Enabled).Select(FeedPoll).ToList();
        jobs.Add(Digest(digest));
        jobs.AddRange(digest.Desks.Select(desk => DeskDigest(digest, desk)));

        // Alerts: every AlertInterval, from the start, when any desk asks for them.
        if (digest.Desks.Any(d => d.Alert is not null))
        {
            jobs.Add(new ScheduledJob(
                JobBuilder.Create<AlertJob>().WithIdentity("desk-alerts").DisallowConcurrentExecution().Build(),
                [TriggerBuilder.Create().WithIdentity("desk-alerts").ForJob("desk-alerts").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(digest.AlertInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)).Build()]));
        }

        // Off by default: deleting stored articles is the operator's decision (NewsDesk:Retention:Enabled).
        if (retention.Enabled && CronExpression.TryParse(retention.Schedule, out _))
        {
            jobs.Add(new ScheduledJob(
                JobBuilder.Create<RetentionJob>().WithIdentity("retention").DisallowConcurrentExecution().Build(),
                [TriggerBuilder.Create().WithIdentity("retention").ForJob("retention")
                    .WithCronSchedule(retention.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build()]));
        }

        return new SchedulePlan(jobs);
    }

    private static ScheduledJob FeedPoll(FeedDefinition feed)
    {
        var trigger = TriggerBuilder.Create().WithIdentity($"poll-{feed.Id}").ForJob($"feed-{feed.Id}").UsingJobData(FeedPollJob.FeedIdKey, feed.Id).StartNow();
        if (feed.Schedule.Cron is { } cron)
        {
            trigger.WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        }
        else
        {
            // A poll that could not start on time (all of Quartz's threads busy: with 1,000 feeds, the first polls
            // queue for minutes) runs as soon as a thread is free, and the interval counts from then. "Next with
            // remaining count" skipped it to the next interval instead, so at start most of a large feed list waited
            // a whole interval for its first poll (bench/worker-rss.sh).
            trigger.WithSimpleSchedule(s => s.WithInterval(feed.Schedule.Interval!.Value).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount));
        }

        // Recovery: a poll cut short by a worker that died (kill -9, a lost machine) runs again on another worker as
        // soon as the cluster sees it gone, instead of waiting for the feed's next fire. Entries the first run stored
        // are not stored twice (the store keys them), so running it again is safe.
        var job = JobBuilder.Create<FeedPollJob>().WithIdentity($"feed-{feed.Id}").UsingJobData(FeedPollJob.FeedIdKey, feed.Id)
            .DisallowConcurrentExecution().RequestRecovery().Build();
        return new ScheduledJob(job, [trigger.Build()]);
    }

    /// <summary>A desk's digest: the same <see cref="DigestJob"/> as the default digest, at the desk's own local time and zone (the digest's when unset).</summary>
    private static ScheduledJob DeskDigest(DigestOptions digest, DeskOptions desk) =>
        Daily($"digest-desk-{desk.Id}", $"digest-desk-{desk.Id}", desk.Time ?? digest.Time, digest.Zone(desk), desk.Id);

    private static ScheduledJob Digest(DigestOptions digest) => Daily("digest", "daily-digest", digest.Time, digest.Zone(), desk: null);

    /// <summary>A digest job fired every day at <paramref name="time"/> (HH:mm) local to <paramref name="zone"/>; a desk's carries its id.</summary>
    private static ScheduledJob Daily(string jobId, string triggerId, string time, TimeZoneInfo zone, string? desk)
    {
        var at = TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
        var job = JobBuilder.Create<DigestJob>().WithIdentity(jobId).DisallowConcurrentExecution();
        var trigger = TriggerBuilder.Create().WithIdentity(triggerId).ForJob(jobId);
        if (desk is not null)
        {
            job.UsingJobData(DigestJob.DeskKey, desk);
            trigger.UsingJobData(DigestJob.DeskKey, desk);
        }

        return new ScheduledJob(job.Build(), [trigger
            .WithCronSchedule($"0 {at.Minute} {at.Hour} * * ?", c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build()]);
    }
}
