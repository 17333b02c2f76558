using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>
/// `db migrate` (bring the store to the current schema: older LiteDB documents rewritten, PostgreSQL's schema migrations
/// applied), `db compact` (copy into a fresh file and swap it in, <see cref="LiteDbNewsStore.Compact"/>) and `db backup FILE`
/// (a consistent copy; through the running worker's POST /api/admin/backup when the worker holds the file). Compact and
/// backup are LiteDB's: on PostgreSQL they fail with one line naming the server's own tools (VACUUM, pg_dump).
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Upgrade every stored article written in an older schema version to the current one.");
        migrate.SetAction(async (parse, ct) =>
        {
            using var host = Hosting.NewsDeskHost.CreateTool();
            var store = ExistingStore.Open(host.Services);
            var changed = store.Migrate();
            await Console.Out.WriteLineAsync($"{store.Location}: {changed} of {store.CountArticles()} articles upgraded to schema version {Article.CurrentSchemaVersion}").ConfigureAwait(false);
            return CommandLine.Success;
        });

        var compact = new Command("compact", "Rewrite the LiteDB file without its free pages (stop the worker first); no copy of the old file is kept.");
        compact.SetAction(async (parse, ct) =>
        {
            using var host = Hosting.NewsDeskHost.CreateTool();
            var store = LiteDbOnly(ExistingStore.Open(host.Services), "compact", host.Services);
            var before = new FileInfo(store.DataPath).Length;
            var saved = store.Compact();
            store.Checkpoint();
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{store.FilePath}: rebuilt, {before:N0} bytes before, {saved:N0} bytes saved; no copy of the old file is kept (run db backup FILE first for one)")).ConfigureAwait(false);
            return CommandLine.Success;
        });

        var file = new Argument<string>("FILE") { Description = "Where to write the copy (a new file)." };
        var worker = UrlOption.Create("--worker", "The running worker's base URL, used when it holds the store (default: from urls / ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS, else http://127.0.0.1:8080).");
        var backup = new Command("backup", "Write a consistent copy of the store to FILE, through the running worker's API if it holds the file.") { file, worker };
        backup.SetAction(async (parse, ct) =>
        {
            using var host = Hosting.NewsDeskHost.CreateTool();
            if (host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
            {
                throw new StorageException(StoreMaintenance.NotOnPostgres("backup", host.Services.GetRequiredService<IOptions<StorageOptions>>().Value));
            }

            var path = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
            var target = Path.GetFullPath(parse.GetValue(file)!);
            if (File.Exists(target))
            {
                throw new UsageException($"{target} already exists; give a new file");
            }

            ExistingStore.Require(host.Services);
            if (LiteDbNewsStore.IsInUse(path))
            {
                var baseUrl = parse.GetValue(worker) ?? WorkerUrl(host.Services.GetRequiredService<IConfiguration>());
                var count = await BackupThroughWorkerAsync(baseUrl, target, ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"{target}: {count} articles, copied by the worker at {baseUrl} (it holds {Path.GetFullPath(path)})").ConfigureAwait(false);
                return CommandLine.Success;
            }

            var store = LiteDbOnly(host.Services.GetRequiredService<INewsStore>(), "backup", host.Services);
            var articles = store.Backup(target);
            await Console.Out.WriteLineAsync($"{target}: {articles} articles, copied from {store.FilePath}").ConfigureAwait(false);
            return CommandLine.Success;
        });

        return new Command("db", "Maintain the store: migrate (both stores), compact and backup (LiteDB).") { migrate, compact, backup };
    }

    private static LiteDbNewsStore LiteDbOnly(INewsStore store, string command, IServiceProvider services) =>
        store as LiteDbNewsStore ?? throw new StorageException(StoreMaintenance.NotOnPostgres(command, services.GetRequiredService<IOptions<StorageOptions>>().Value));

    private static async Task<string> BackupThroughWorkerAsync(Uri baseUrl, string target, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        using var response = await http.PostAsync(new Uri(baseUrl, "/api/admin/backup"), content: null, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"the worker at {baseUrl} holds the store, and its backup endpoint answered HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)}");
        }

        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written under a temporary name, synced and renamed, so FILE is never a half-written database, even after a power cut.
        var partial = target + ".partial";
        try
        {
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
                await response.Content.CopyToAsync(output, ct).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }

            File.Move(partial, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException or HttpRequestException)
        {
            // Nothing half-written stays behind, and the next attempt is not refused as "already exists".
            File.Delete(partial);
            throw;
        }

        return response.Headers.TryGetValues("X-NewsDesk-Articles", out var values) ? values.First() : "?";
    }

    private static Uri WorkerUrl(IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            var first = urls.Split(';')[0].Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
            return new Uri(first);
        }

        var ports = configuration["ASPNETCORE_HTTP_PORTS"] ?? configuration["http_ports"];
        return new Uri(string.IsNullOrWhiteSpace(ports) ? "http://127.0.0.1:8080" : $"http://127.0.0.1:{ports.Split([',', ';'])[0].Trim()}");
    }
}
