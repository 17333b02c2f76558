namespace NewsDesk.Storage;

/// <summary>
/// Faults of the store itself (a full disk, a read-only file system, a store that cannot be opened, a database server
/// that cannot be reached): no entry's and no feed's fault. They end the poll without a mark on the feed, so it is neither failed nor backed off, and the worker
/// logs one line (FeedPollJob, event 1102); what was not stored is fetched again at the next poll.
/// </summary>
public static class StoreFault
{
    public static bool Is(Exception ex) => ex is IOException or StorageException or Npgsql.NpgsqlException { IsTransient: true };
}
