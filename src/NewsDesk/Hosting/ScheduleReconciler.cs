using Microsoft.Extensions.Options;
using NewsDesk.Jobs;
using NewsDesk.Storage;
using Npgsql;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// Makes Quartz's store hold the <see cref="SchedulePlan"/> before the scheduler starts: jobs no longer planned
/// (a feed removed from feeds.json) are deleted, new ones added, and a trigger whose schedule changed is replaced.
/// An unchanged trigger is left alone, so a restart does not reset a feed's interval, and a worker joining a running
/// cluster does not make every feed poll again at once. The in-memory store starts empty, so there every job is new.
/// </summary>
/// <remarks>
/// Workers that start together reconcile together: each step is one store operation under Quartz's own lock, a
/// job or trigger another worker added first is taken as added, and deleting what is already gone is no error.
/// </remarks>
public sealed partial class ScheduleReconciler(ISchedulerFactory schedulers, SchedulePlan plan, IOptions<StorageOptions> storage, ILogger<ScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.IsPostgres)
        {
            await ThrowIfUnreachableAsync(storage.Value.ConnectionString!, cancellationToken).ConfigureAwait(false);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        await ReconcileAsync(scheduler, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ReconcileAsync(IScheduler scheduler, CancellationToken ct)
    {
        var planned = plan.Jobs.Select(j => j.Job.Key).ToHashSet();
        var removed = 0;
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct).ConfigureAwait(false))
        {
            if (!planned.Contains(key) && await scheduler.DeleteJob(key, ct).ConfigureAwait(false))
            {
                removed++;
                LogRemoved(key.ToString());
            }
        }

        var (added, replaced) = (0, 0);
        foreach (var wanted in plan.Jobs)
        {
            var stored = await scheduler.GetJobDetail(wanted.Job.Key, ct).ConfigureAwait(false);
            if (stored is null && await TryAddAsync(scheduler, wanted, ct).ConfigureAwait(false))
            {
                added++;
                continue;
            }

            replaced += await UpdateAsync(scheduler, wanted, ct).ConfigureAwait(false);
        }

        LogReconciled(plan.Jobs.Count, added, replaced, removed);
    }

    /// <summary>
    /// A database that cannot be reached ends `run` with one line naming the setting, host and reason; left to Quartz,
    /// it retried and then failed with its own message wrapped around Npgsql's stack trace.
    /// </summary>
    private static async Task ThrowIfUnreachableAsync(string connectionString, CancellationToken ct)
    {
        var where = new NpgsqlConnectionStringBuilder(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or TimeoutException)
        {
            throw new StorageException(
                $"storage: cannot reach PostgreSQL at {where.Host}:{where.Port}, database {where.Database} (NewsDesk:Storage:ConnectionString): {ex.Message}", ex);
        }
    }

    private static async Task<bool> TryAddAsync(IScheduler scheduler, ScheduledJob wanted, CancellationToken ct)
    {
        try
        {
            await scheduler.ScheduleJob(wanted.Job, wanted.Triggers.ToList(), default, ct).ConfigureAwait(false);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another worker stored it between our read and our write: compare with what it stored instead.
            return false;
        }
    }

    /// <summary>Brings a stored job's detail and triggers to the plan; returns how many triggers it replaced or added.</summary>
    private async Task<int> UpdateAsync(IScheduler scheduler, ScheduledJob wanted, CancellationToken ct)
    {
        var stored = await scheduler.GetJobDetail(wanted.Job.Key, ct).ConfigureAwait(false);
        if (stored is null || !TriggerSchedules.SameJob(stored, wanted.Job))
        {
            await scheduler.AddJob(wanted.Job, new AddJobOptions { Replace = true, StoreNonDurableWhileAwaitingScheduling = true }, ct).ConfigureAwait(false);
        }

        var changed = 0;
        foreach (var trigger in wanted.Triggers)
        {
            var current = await scheduler.GetTrigger(trigger.Key, ct).ConfigureAwait(false);
            if (current is not null && TriggerSchedules.Same(current, trigger))
            {
                continue;
            }

            // Replace is one store operation, so two workers replacing the same trigger cannot leave it missing.
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
            changed++;
            LogTriggerReplaced(trigger.Key.ToString());
        }

        return changed;
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Schedule: {Planned} jobs planned; {Added} added, {Replaced} triggers replaced, {Removed} removed")]
    private partial void LogReconciled(int planned, int added, int replaced, int removed);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Schedule: job {Job} is no longer planned; deleted")]
    private partial void LogRemoved(string job);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Schedule: trigger {Trigger} changed; replaced")]
    private partial void LogTriggerReplaced(string trigger);
}
