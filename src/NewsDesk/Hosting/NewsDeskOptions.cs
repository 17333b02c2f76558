using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Hosting;

/// <summary>Top-level settings (configuration section "NewsDesk").</summary>
public sealed class NewsDeskOptions
{
    public const string Section = "NewsDesk";

    /// <summary>The feed list; relative paths are taken from the working directory.</summary>
    [Required(ErrorMessage = "NewsDesk:FeedsFile is required.")]
    public string FeedsFile { get; set; } = "feeds.json";

    /// <summary>An operator's own taxonomy file; empty uses the one shipped with NewsDesk.</summary>
    public string? TaxonomyFile { get; set; }

    /// <summary>plain (one line per event) or json (for log shippers).</summary>
    [RegularExpression("^(?i)(plain|json)$", ErrorMessage = "NewsDesk:LogFormat must be plain or json.")]
    public string LogFormat { get; set; } = "plain";

    /// <summary>How long running jobs get to finish on SIGTERM before the store is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "NewsDesk:ShutdownTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>/readyz reports unhealthy when no enabled feed has been polled successfully for this long (after <see cref="ReadinessGrace"/>).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "NewsDesk:MaxPollAge must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan MaxPollAge { get; set; } = TimeSpan.FromHours(3);

    /// <summary>After the scheduler starts, /readyz stays ready this long without a successful poll: the first polls need time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "NewsDesk:ReadinessGrace must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan ReadinessGrace { get; set; } = TimeSpan.FromMinutes(5);
}
