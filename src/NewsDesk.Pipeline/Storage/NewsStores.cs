namespace NewsDesk.Storage;

/// <summary>Opens the store NewsDesk:Storage names: the LiteDB file (the default) or the PostgreSQL database.</summary>
public static class NewsStores
{
    public static INewsStore Open(StorageOptions options) => options.IsPostgres
        ? new PostgresNewsStore(options.ConnectionString!)
        : new LiteDbNewsStore(options.Path);
}
