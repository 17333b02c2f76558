using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace NewsDesk.Pipeline;

/// <summary>How the ingest pipeline behaves (configuration section "NewsDesk:Pipeline").</summary>
public sealed class PipelineOptions : IValidatableObject
{
    public const string Section = "NewsDesk:Pipeline";

    /// <summary>Most entries taken from one poll of a feed; the rest wait for the next poll.</summary>
    [Range(1, 10_000, ErrorMessage = "NewsDesk:Pipeline:MaxEntriesPerPoll must be between 1 and 10000.")]
    public int MaxEntriesPerPoll { get; set; } = 200;

    /// <summary>Article pages of one feed fetched at once (the fetcher also limits connections per host).</summary>
    [Range(1, 32, ErrorMessage = "NewsDesk:Pipeline:EntryConcurrency must be between 1 and 32.")]
    public int EntryConcurrency { get; set; } = 4;

    /// <summary>Extracted text shorter than this is treated as "no article" and the feed's own text is kept.</summary>
    [Range(0, 10_000, ErrorMessage = "NewsDesk:Pipeline:MinArticleChars must be between 0 and 10000.")]
    public int MinArticleChars { get; set; } = 200;

    /// <summary>How far back a new report may join an existing story.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "NewsDesk:Pipeline:StoryWindow must be between 01:00:00 and 30.00:00:00.")]
    public TimeSpan StoryWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Backoff after a failed poll doubles from this, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "NewsDesk:Pipeline:BaseBackoff must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "NewsDesk:Pipeline:MaxBackoff must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Shortest wait a publisher's hint (RSS ttl, max-age, Expires) can ask for before the next check.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "NewsDesk:Pipeline:MinPollInterval must be between 00:00:10 and 1.00:00:00.")]
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait a publisher's hint or a Retry-After can impose: a feed is always checked at least this often.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "NewsDesk:Pipeline:MaxPollInterval must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPollInterval > MaxPollInterval)
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"NewsDesk:Pipeline:MinPollInterval ({MinPollInterval}) must not be longer than NewsDesk:Pipeline:MaxPollInterval ({MaxPollInterval})."),
                [nameof(MinPollInterval), nameof(MaxPollInterval)]);
        }

        if (BaseBackoff > MaxBackoff)
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"NewsDesk:Pipeline:BaseBackoff ({BaseBackoff}) must not be longer than NewsDesk:Pipeline:MaxBackoff ({MaxBackoff})."),
                [nameof(BaseBackoff), nameof(MaxBackoff)]);
        }
    }
}
