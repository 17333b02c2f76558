using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Hosting;

/// <summary>Purging old articles (configuration section "NewsDesk:Retention"). Off by default: nothing is deleted unless asked.</summary>
public sealed class RetentionOptions
{
    public const string Section = "NewsDesk:Retention";

    public bool Enabled { get; set; }

    /// <summary>Articles whose date (published, else ingested) and ingest time are both older than this are purged.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "NewsDesk:Retention:MaxAge must be between 1.00:00:00 (one day) and 3650.00:00:00.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>When the purge runs: a Quartz cron expression (with seconds), in UTC.</summary>
    [Required(ErrorMessage = "NewsDesk:Retention:Schedule is required (a Quartz cron expression such as '0 30 3 * * ?').")]
    public string Schedule { get; set; } = "0 30 3 * * ?";
}
