using NewsDesk.Digests;
using NewsDesk.Feeds;
using NewsDesk.Jobs;
using NewsDesk.Storage;
using Quartz;

namespace NewsDesk.Hosting;

/// <summary>
/// The worker's schedule: one poll job per enabled feed (first poll at start, misfires fire once and carry on), the
/// daily digest at its local time and, when enabled, retention (see <see cref="SchedulePlan"/>). With LiteDB,
/// Quartz keeps the schedule in memory. With PostgreSQL it keeps it in the same database, clustered: every worker on
/// that database shares one schedule, so each poll, digest and purge runs on one worker, and a dead worker's jobs
/// are taken over by the others. Quartz reads time through the host's TimeProvider.
/// </summary>
public static class SchedulingServices
{
    public static IHostApplicationBuilder AddNewsDeskScheduling(this IHostApplicationBuilder builder, IReadOnlyList<FeedDefinition> feeds, DigestOptions digest, TimeSpan shutdownTimeout)
    {
        var retention = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.AddQuartz(q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            if (storage.IsPostgres)
            {
                UseClusteredStore(q, storage.ConnectionString!, cluster);
            }
        });
        builder.Services.AddSingleton(SchedulePlan.Build(feeds, digest, retention));
        // Before Quartz's hosted service, so that the store holds the plan before the scheduler starts firing.
        builder.Services.AddSingleton<ScheduleReconciler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduleReconciler>());
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // After Quartz's hosted service, so that it stops first (hosted services stop in reverse order).
        builder.Services.AddHostedService<RunningJobsDrain>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
        return builder;
    }

    private static void UseClusteredStore(IQuartzBuilder q, string connectionString, ClusterOptions cluster)
    {
        q.ConfigureScheduler(o =>
        {
            // One name for the cluster, one id per worker: Quartz tells its nodes apart by the id.
            o.InstanceName = cluster.Name;
            if (string.IsNullOrEmpty(cluster.InstanceId))
            {
                o.GenerateInstanceId = true;
            }
            else
            {
                o.InstanceId = cluster.InstanceId;
            }
        });
        q.UsePersistentStore(s =>
        {
            s.UsePostgres(connectionString);
            // Quartz 4.7 checks its schema at start; letting it create what is missing (under its own lock) saves a
            // migration of ours that would have to follow every Quartz release.
            s.ProvisionSchema();
            s.UseSystemTextJsonSerializer();
            s.ConfigureStore(o => o.MisfireThreshold = cluster.MisfireThreshold);
            s.UseClustering(c =>
            {
                c.CheckinInterval = cluster.CheckinInterval;
                c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
            });
        });
    }
}
