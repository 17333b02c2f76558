using System.Net;
using NewsDesk.Storage;

namespace NewsDesk.Api;

/// <summary>
/// POST /api/admin/backup: a consistent copy of the store the worker holds, streamed as a LiteDB file. `db backup`
/// uses it when the worker has the file locked. Loopback callers only: the copy holds everything stored.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/backup", (HttpContext context, NewsStore store) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.Problem("admin endpoints answer loopback callers only", statusCode: StatusCodes.Status403Forbidden);
            }

            var folder = Path.Combine(Path.GetTempPath(), "newsdesk-backup-" + Guid.NewGuid().ToString("N"));
            var file = Path.Combine(folder, "backup.db");
            int articles;
            try
            {
                articles = store.Backup(file);
            }
            catch
            {
                // The store removed its half copy (a full temp folder, say); the folder goes too.
                new FolderCleanup(folder).Dispose();
                throw;
            }

            context.Response.Headers["X-NewsDesk-Articles"] = articles.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The temp copy is deleted once sent (DeleteOnClose); its empty folder with it, below.
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
            context.Response.RegisterForDispose(new FolderCleanup(folder));
            return Results.Stream(stream, "application/octet-stream", "newsdesk-backup.db");
        });
    }

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
