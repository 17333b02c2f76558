using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Hosting;

/// <summary>
/// How workers that share one PostgreSQL database share the schedule (configuration section "NewsDesk:Cluster").
/// Read only when NewsDesk:Storage:Provider is postgres; with LiteDB there is one worker and Quartz keeps its
/// schedule in memory. A dead worker's feeds go to another after about CheckinInterval + CheckinMisfireThreshold.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "NewsDesk:Cluster";

    /// <summary>The cluster's name: every worker of one cluster uses the same one (it keys Quartz's rows).</summary>
    [Required(ErrorMessage = "NewsDesk:Cluster:Name is required (the same on every worker of one cluster).")]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "NewsDesk:Cluster:Name must be 1 to 100 letters, digits, dots, dashes or underscores.")]
    public string Name { get; set; } = "newsdesk";

    /// <summary>This worker's id within the cluster; empty (the default) makes one from the host name and the start time.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,100}$", ErrorMessage = "NewsDesk:Cluster:InstanceId must be up to 100 letters, digits, dots, dashes or underscores, unique in the cluster.")]
    public string? InstanceId { get; set; }

    /// <summary>How often a worker records in the database that it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "NewsDesk:Cluster:CheckinInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past a missed check-in the others wait before they take a worker's feeds over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "NewsDesk:Cluster:CheckinMisfireThreshold must be between 00:00:01 and 00:10:00.")]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a poll may start before it counts as missed; a missed poll still runs once, as soon as it can.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "NewsDesk:Cluster:MisfireThreshold must be between 00:00:01 and 01:00:00.")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a worker's feeds wait for another worker after it dies without stopping.</summary>
    public TimeSpan TakeoverTime => CheckinInterval + CheckinMisfireThreshold;
}
