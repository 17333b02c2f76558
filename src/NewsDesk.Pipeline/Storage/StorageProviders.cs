namespace NewsDesk.Storage;

/// <summary>The values of NewsDesk:Storage:Provider.</summary>
public static class StorageProviders
{
    public const string LiteDb = "litedb";
    public const string Postgres = "postgres";

    public static readonly IReadOnlyList<string> All = [LiteDb, Postgres];
}
