using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Api;

/// <summary>Settings for the worker's read API (configuration section "NewsDesk:Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "NewsDesk:Api";

    /// <summary>
    /// CSV and JSONL exports (/api/articles?format=csv|jsonl) running at once; one more is answered 503 with
    /// Retry-After. Each holds a store reader and its read-ahead thread for as long as its client takes.
    /// </summary>
    [Range(1, 64, ErrorMessage = "NewsDesk:Api:MaxConcurrentExports must be between 1 and 64.")]
    public int MaxConcurrentExports { get; set; } = 4;

    /// <summary>An export whose client takes no data for this long is cut off, and its slot freed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "NewsDesk:Api:ExportStallTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ExportStallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
