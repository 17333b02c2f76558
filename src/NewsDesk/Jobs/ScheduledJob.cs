using Quartz;

namespace NewsDesk.Jobs;

/// <summary>One job the worker wants in Quartz's store, with the triggers that fire it.</summary>
public sealed record ScheduledJob(IJobDetail Job, IReadOnlyList<ITrigger> Triggers);
