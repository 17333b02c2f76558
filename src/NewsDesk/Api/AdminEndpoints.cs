using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// POST /api/admin/backup: a consistent copy of the store the worker holds, streamed as a LiteDB file. `db backup`
/// uses it when the worker has the file locked. Direct loopback callers only: the copy holds everything stored.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/backup", (HttpContext context, INewsStore store, IOptions<StorageOptions> storage) =>
        {
            if (!FromThisMachine(context))
            {
                return NotFromThisMachine();
            }

            if (store is not LiteDbNewsStore file)
            {
                return Results.Problem(StoreMaintenance.NotOnPostgres("backup", storage.Value), statusCode: StatusCodes.Status409Conflict);
            }

            var folder = Path.Combine(Path.GetTempPath(), "newsdesk-backup-" + Guid.NewGuid().ToString("N"));
            var copy = Path.Combine(folder, "backup.db");
            int articles;
            try
            {
                articles = file.Backup(copy);
            }
            catch
            {
                // The store removed its half copy (a full temp folder, say); the folder goes too.
                new FolderCleanup(folder).Dispose();
                throw;
            }

            context.Response.Headers["X-NewsDesk-Articles"] = articles.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The temp copy is deleted once sent (DeleteOnClose); its empty folder with it, below.
            var stream = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
            context.Response.RegisterForDispose(new FolderCleanup(folder));
            return Results.Stream(stream, "application/octet-stream", "newsdesk-backup.db");
        });
    }

    /// <summary>The answer to a caller <see cref="FromThisMachine"/> refuses, the same from every admin endpoint.</summary>
    internal static IResult NotFromThisMachine() =>
        Results.Problem("admin endpoints answer loopback callers only, on a direct connection", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>
    /// Decided from the TCP connection itself: with ASP.NET's forwarded headers switched on
    /// (ASPNETCORE_FORWARDEDHEADERS_ENABLED), HttpContext.Connection.RemoteIpAddress is whatever X-Forwarded-For says.
    /// A request that carries forwarding headers is refused even on a loopback connection: it came through a proxy,
    /// and a reverse proxy on this machine connects from loopback on behalf of anyone.
    /// </summary>
    internal static bool FromThisMachine(HttpContext context)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        var forwarded = ForwardingHeaders.Any(h => context.Request.Headers.ContainsKey(h));
        return socket?.RemoteEndPoint is IPEndPoint remote && IPAddress.IsLoopback(remote.Address) && !forwarded;
    }

    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"];

    private sealed class FolderCleanup(string folder) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner; the backup was already sent.
            }
        }
    }
}
