using NewsDesk.Alerts;

namespace NewsDesk.Hosting;

/// <summary>
/// What the desks' jobs need besides their place in the schedule: the alerter the alert job runs. The desks' digest
/// and alert jobs themselves are in <see cref="Jobs.SchedulePlan"/>, with every other job, so that a clustered
/// schedule keeps them.
/// </summary>
public static class DeskScheduling
{
    public static IHostApplicationBuilder AddDeskAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoryAlerter>();
        return builder;
    }
}
