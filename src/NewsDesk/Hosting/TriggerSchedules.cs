using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// Whether a stored job or trigger already says what the plan says. Only what the plan sets is compared: a stored
/// trigger's next fire time is its own progress, and replacing it for that would reset every feed's interval.
/// </summary>
public static class TriggerSchedules
{
    public static bool Same(ITrigger stored, ITrigger wanted) =>
        stored.JobKey.Equals(wanted.JobKey)
        && stored.MisfireInstructionCode == wanted.MisfireInstructionCode
        && SameData(stored.JobDataMap, wanted.JobDataMap)
        && (stored, wanted) switch
        {
            (ISimpleTrigger a, ISimpleTrigger b) => a.RepeatInterval == b.RepeatInterval && a.RepeatCount == b.RepeatCount,
            (ICronTrigger a, ICronTrigger b) => a.CronExpressionString == b.CronExpressionString && a.TimeZone.Id == b.TimeZone.Id,
            _ => false,
        };

    public static bool SameJob(IJobDetail stored, IJobDetail wanted) =>
        stored.JobType.Equals(wanted.JobType)
        && stored.ConcurrentExecutionDisallowed == wanted.ConcurrentExecutionDisallowed
        && stored.Durable == wanted.Durable
        && stored.RequestsRecovery == wanted.RequestsRecovery
        && SameData(stored.JobDataMap, wanted.JobDataMap);

    // Compared as text: the store gives back what its serializer read, which need not be the type that went in.
    private static bool SameData(JobDataMap stored, JobDataMap wanted) =>
        stored.Count == wanted.Count
        && wanted.All(p => stored.TryGetValue(p.Key, out var value) && Equals(value?.ToString(), p.Value?.ToString()));
}
