using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Hosting;

/// <summary>How the worker exports its metrics (configuration section "NewsDesk:Metrics").</summary>
public sealed class MetricsOptions
{
    public const string Section = "NewsDesk:Metrics";

    /// <summary>prometheus (text at /metrics, scraped), otlp (pushed to <see cref="OtlpEndpoint"/>) or none.</summary>
    [RegularExpression("^(?i)(prometheus|otlp|none)$", ErrorMessage = "NewsDesk:Metrics:Exporter must be prometheus, otlp or none.")]
    public string Exporter { get; set; } = "prometheus";

    /// <summary>The OTLP collector (gRPC, usually port 4317); used only with Exporter=otlp.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often metrics are pushed over OTLP.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "NewsDesk:Metrics:OtlpInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan OtlpInterval { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsPrometheus => string.Equals(Exporter, "prometheus", StringComparison.OrdinalIgnoreCase);

    public bool IsOtlp => string.Equals(Exporter, "otlp", StringComparison.OrdinalIgnoreCase);
}
