namespace NewsDesk.Storage;

/// <summary>What `db compact` and `db backup` say on a PostgreSQL store, whose server has its own tools for both.</summary>
public static class StoreMaintenance
{
    public static string NotOnPostgres(string command, StorageOptions storage) => command switch
    {
        "compact" => $"db compact works on a LiteDB file only; on PostgreSQL run VACUUM (FULL) on the database, e.g. vacuumdb --full --analyze {Database(storage)}.",
        _ => $"db backup works on a LiteDB file only; on PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=newsdesk.dump {Database(storage)}.",
    };

    /// <summary>The database the connection string names, for a command the user can paste.</summary>
    private static string Database(StorageOptions storage)
    {
        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(storage.ConnectionString).Database is { Length: > 0 } name ? name : "DBNAME";
        }
        catch (ArgumentException)
        {
            return "DBNAME";
        }
    }
}
