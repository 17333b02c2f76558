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
        jobs.AddRange(Digests(digest));

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

    /// <summary>
    /// The default digest and each desk's, at their local times and zones (a desk without its own takes the digest's).
    /// Digests due at the same time in the same zone are one job, which makes them together
    /// (<see cref="DigestPublisher.PublishDesksAsync"/>: the day is read once for all of them). The job holding the
    /// default digest keeps the id "digest"; one holding desks alone is named after them.
    /// </summary>
    private static IEnumerable<ScheduledJob> Digests(DigestOptions digest)
    {
        var due = new[] { (Desk: (DeskOptions?)null, Time: digest.Time, Zone: digest.Zone()) }
            .Concat(digest.Desks.Select(desk => (Desk: (DeskOptions?)desk, Time: desk.Time ?? digest.Time, Zone: digest.Zone(desk))));
        foreach (var group in due.GroupBy(d => (d.Time, d.Zone.Id)))
        {
            var desks = group.Select(d => d.Desk).ToList();
            var ids = desks.OfType<DeskOptions>().Select(d => d.Id).ToList();
            var withDefault = desks.Contains(null);
            var jobId = withDefault ? "digest" : $"digest-desk-{string.Join('+', ids)}";
            yield return Daily(jobId, withDefault ? "daily-digest" : jobId, group.Key.Time, group.First().Zone, withDefault, ids);
        }
    }

    /// <summary>A digest job fired every day at <paramref name="time"/> (HH:mm) local to <paramref name="zone"/>, carrying the digests it makes.</summary>
    private static ScheduledJob Daily(string jobId, string triggerId, string time, TimeZoneInfo zone, bool withDefault, IReadOnlyList<string> desks)
    {
        var at = TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture);
        var job = JobBuilder.Create<DigestJob>().WithIdentity(jobId).DisallowConcurrentExecution()
            .UsingJobData(DigestJob.DefaultKey, withDefault ? "yes" : "no").UsingJobData(DigestJob.DesksKey, string.Join(',', desks));
        var trigger = TriggerBuilder.Create().WithIdentity(triggerId).ForJob(jobId);
        return new ScheduledJob(job.Build(), [trigger
            .WithCronSchedule($"0 {at.Minute} {at.Hour} * * ?", c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build()]);
    }
}
