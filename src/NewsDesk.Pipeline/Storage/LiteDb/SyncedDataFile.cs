namespace NewsDesk.Storage;

/// <summary>
/// LiteDB's data file, synced to disk each time LiteDB flushes it.
/// <para>
/// LiteDB 5.0 syncs a file only when the stream it flushes is a <see cref="FileStream"/>, and it wraps every stream it
/// is given in one of its own, so the data file NewsDesk hands it was never synced: a checkpoint copied the log's
/// pages into the data file, handed them to the OS, and emptied the log straight after. A power cut or a kernel crash
/// in between could lose committed articles or tear the file (a process crash could not: the OS still had the pages).
/// LiteDB flushes the data file once per checkpoint, after writing its pages and before it empties the log, and that
/// flush is an fsync here. <c>StoreDurabilityTests</c> checks the order with the system calls themselves.
/// </para>
/// <para>
/// It does not close the file: the store keeps the descriptor, and the lock on it, across reopens
/// (<see cref="StoreFileLock"/>).
/// </para>
/// </summary>
internal sealed class SyncedDataFile(FileStream file) : LiteDbFile(file, owned: false)
{
    public override void Flush() => File.Flush(flushToDisk: true);
}
