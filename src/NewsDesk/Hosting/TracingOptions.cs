namespace NewsDesk.Hosting;

/// <summary>Where the worker sends its traces (configuration section "NewsDesk:Tracing"). Unset: no tracing.</summary>
public sealed class TracingOptions
{
    public const string Section = "NewsDesk:Tracing";

    /// <summary>The OTLP collector: gRPC (usually port 4317), or HTTP/protobuf on port 4318.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
