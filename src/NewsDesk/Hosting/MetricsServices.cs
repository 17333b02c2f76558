using NewsDesk.Pipeline;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace NewsDesk.Hosting;

/// <summary>
/// Exports the "NewsDesk" meter (Pipeline/PipelineMetrics.cs) and the runtime's through OpenTelemetry: Prometheus text at GET /metrics
/// by default, or OTLP to a collector, or nothing. The worker only; one-shot commands export nothing.
/// </summary>
public static class MetricsServices
{
    /// <summary>The meter .NET itself publishes (System.Runtime, built in since .NET 9).</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static WebApplicationBuilder AddNewsDeskMetrics(this WebApplicationBuilder builder)
    {
        // MetricsOptions is validated with the other options (PipelineServices); this only wires the exporter.
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.IsPrometheus && !options.IsOtlp)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(PipelineMetrics.MeterName);
            // The runtime's own meter: process memory and CPU, GC heap and committed memory, threads, exceptions.
            metrics.AddMeter(RuntimeMeter);
            metrics.AddInstrumentation(sp => new BuildInfoMetric(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
            if (options.IsPrometheus)
            {
                metrics.AddPrometheusExporter();
            }
            else if (options.OtlpEndpoint is { IsAbsoluteUri: true } endpoint)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = endpoint;
                    exporter.Protocol = endpoint.Port == 4318 ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.OtlpInterval.TotalMilliseconds;
                });
            }
        });
        return builder;
    }

    public static WebApplication MapNewsDeskMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (options.IsPrometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }
}
