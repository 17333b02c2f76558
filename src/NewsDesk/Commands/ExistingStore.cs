using Microsoft.Extensions.Options;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>
/// The store for commands that read it (export, digest, feeds list, db ...): it must be there already. LiteDB creates a
/// missing file, so a mistyped path, or the demo's store forgotten, exported "0 articles", exited 0 and left a new empty
/// store behind. Only `run`, `demo` and `ingest` create a store. A PostgreSQL store is a database the operator made:
/// it is always there (and its schema is applied when it opens).
/// </summary>
internal static class ExistingStore
{
    /// <summary>The configured store; a <see cref="StorageException"/> ("no store at PATH") when there is no such file.</summary>
    public static INewsStore Open(IServiceProvider services)
    {
        Require(services);
        return services.GetRequiredService<INewsStore>();
    }

    /// <summary>The configured store, or null when there is none yet (nothing was ingested), without creating one.</summary>
    public static INewsStore? OpenIfThere(IServiceProvider services) =>
        IsPostgres(services) || File.Exists(FullPath(services)) ? services.GetRequiredService<INewsStore>() : null;

    /// <summary>Fails, before anything resolves the store, when the configured file does not exist.</summary>
    public static void Require(IServiceProvider services)
    {
        if (IsPostgres(services))
        {
            return;
        }

        var path = FullPath(services);
        if (!File.Exists(path))
        {
            throw new StorageException($"no store at {path}; set NewsDesk:Storage:Path (NewsDesk__Storage__Path) to the store's file, or create one with ingest, demo or run.");
        }
    }

    private static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres;

    private static string FullPath(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.Path);
}
