using System.Diagnostics.Metrics;
using NewsDesk.Pipeline;

namespace NewsDesk.Hosting;

/// <summary>
/// `newsdesk.build.info` (Prometheus: newsdesk_build_info), always 1 with the running version as its label: the usual
/// way to join a dashboard's other series to the build that produced them, e.g. to see a change of behaviour line up
/// with a deploy. Created with the meter provider, so it is there before the first poll.
/// </summary>
internal sealed class BuildInfoMetric
{
    public BuildInfoMetric(IMeterFactory meters) =>
        meters.Create(PipelineMetrics.MeterName).CreateObservableGauge(
            "newsdesk.build.info",
            () => new Measurement<int>(1, new KeyValuePair<string, object?>("version", NewsDeskVersion.Current)),
            description: "Always 1; the running version is its label.");
}
