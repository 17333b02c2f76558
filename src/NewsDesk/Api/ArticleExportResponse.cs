using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Exports;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// The streamed forms of GET /api/articles (CSV, JSONL). Written asynchronously in chunks, so a client that stops
/// reading holds no thread; bounded in number (<see cref="ExportSlots"/>); and cut off when its client takes no data
/// for NewsDesk:Api:ExportStallTimeout, so stalled clients cannot keep slots, store readers or buffers for ever.
/// </summary>
public static partial class ArticleExportResponse
{
    // How long a request waits for a slot: longer than an ordinary export of a day or two takes on a busy machine.
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(5);

    // Long enough for a running export to finish or stall out, short enough for a script to wait for.
    private const int RetryAfterSeconds = 10;

    public static async Task<IResult> CreateAsync(HttpContext context, INewsStore store, ArticleQuery filter, ExportFormat format, string contentType, DeskOptions? desk = null)
    {
        var services = context.RequestServices;
        var slots = services.GetRequiredService<ExportSlots>();
        var logger = services.GetRequiredService<ILogger<ExportSlots>>();
        if (await slots.TakeAsync(SlotWait, context.RequestAborted).ConfigureAwait(false) is not { } slot)
        {
            LogRefused(logger, context.Connection.RemoteIpAddress?.ToString(), slots.Capacity);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { error = $"{slots.Capacity} exports are already running (NewsDesk:Api:MaxConcurrentExports); try again in {RetryAfterSeconds} s" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        context.Response.RegisterForDispose(slot);
        var stallTimeout = services.GetRequiredService<IOptions<ApiOptions>>().Value.ExportStallTimeout;
        return Results.Stream(async body =>
        {
            try
            {
                await ArticleExporter.WriteAsync(store, filter, format, body, stallTimeout, context.RequestAborted, desk).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                LogStalled(logger, context.Connection.RemoteIpAddress?.ToString(), stallTimeout.TotalSeconds);
                // The headers and some rows are already sent, so no status can say it: the connection is dropped,
                // and with it what Kestrel still buffers for that client.
                slot.Dispose();
                context.Abort();
            }
        }, contentType);
    }

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "Export refused for {Client}: all {Slots} export slots are taken")]
    private static partial void LogRefused(ILogger logger, string? client, int slots);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Warning, Message = "Export to {Client} cut off: the client took no data for {Seconds} s")]
    private static partial void LogStalled(ILogger logger, string? client, double seconds);
}
