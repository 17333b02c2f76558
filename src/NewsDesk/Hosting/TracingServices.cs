using NewsDesk.Pipeline;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsDesk.Hosting;

/// <summary>
/// Exports the poll traces (Pipeline/PipelineActivity.cs) and the HttpClient's own request spans over OTLP when
/// NewsDesk:Tracing:OtlpEndpoint is set. The worker only; one-shot commands trace nothing.
/// </summary>
public static class TracingServices
{
    /// <summary>The ActivitySource HttpClient itself publishes (.NET 9 and later): one span per request, with its status.</summary>
    public const string HttpClientSource = "System.Net.Http";

    /// <summary>What a NewsDesk trace is made of; the worker's exporter and the tests' in-memory one listen to the same.</summary>
    public static TracerProviderBuilder AddNewsDeskSources(this TracerProviderBuilder tracing) =>
        tracing.AddSource(PipelineActivity.SourceName, HttpClientSource);

    public static WebApplicationBuilder AddNewsDeskTracing(this WebApplicationBuilder builder)
    {
        // TracingOptions is validated with the other options (PipelineServices); this only wires the exporter.
        var options = builder.Configuration.GetSection(TracingOptions.Section).Get<TracingOptions>() ?? new TracingOptions();
        if (options.OtlpEndpoint is not { IsAbsoluteUri: true } endpoint)
        {
            return builder;
        }

        var http = endpoint.Port == 4318;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("newsdesk", serviceVersion: NewsDeskVersion.Current))
            .WithTracing(tracing => tracing.AddNewsDeskSources().AddOtlpExporter(exporter =>
            {
                exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                // Over HTTP a programmatic endpoint is used as given, so a bare collector address gets the traces path.
                exporter.Endpoint = http && endpoint.AbsolutePath == "/" ? new Uri(endpoint, "v1/traces") : endpoint;
            }));
        return builder;
    }
}
