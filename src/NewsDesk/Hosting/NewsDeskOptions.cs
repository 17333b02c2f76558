using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace NewsDesk.Hosting;

/// <summary>Top-level settings (configuration section "NewsDesk").</summary>
public sealed class NewsDeskOptions : IValidatableObject
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

    /// <summary>
    /// Where readers reach the worker (https://news.example.org/desk/), for links in what it serves (the Atom feed of
    /// digests). Unset: the address the worker listens on. The request's Host header is never used: the client sets it.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { OriginalString.Length: > 0 } url
            && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0))
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"NewsDesk:PublicBaseUrl must be an absolute http or https URL without query, fragment or user (such as https://news.example.org/), not \"{url.OriginalString}\"."),
                [nameof(PublicBaseUrl)]);
        }
    }
}
