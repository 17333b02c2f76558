using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsDesk.Hosting;

/// <summary>
/// The body of /healthz: the status and the running version, so that whoever probes a worker (an operator after a
/// deploy, a load balancer's log) sees which build answered without shelling into it.
/// </summary>
internal static class LivenessResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), version = NewsDeskVersion.Current }, context.RequestAborted);
}
