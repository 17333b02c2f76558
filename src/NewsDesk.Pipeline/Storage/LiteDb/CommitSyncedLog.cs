namespace NewsDesk.Storage;

/// <summary>
/// LiteDB's log file, synced to disk once per commit instead of once per page.
/// <para>
/// LiteDB 5.0 writes a commit's pages to its log through a queue whose writer runs on the committing thread (the
/// queue's signal completes a task continuation inline) and flushes to disk each time the queue is empty: after
/// every page. A commit of one article changes some 30–100 pages, so it cost as many fsyncs (`bench ingest`,
/// docs/benchmarks/performance.md). This stream takes LiteDB's per-page flush as "hand the bytes to the OS", and
/// <see cref="LiteDbNewsStore"/> calls <see cref="Sync"/> after each commit: the commit is on disk before the caller is
/// told it succeeded, as before. A crash in between loses nothing that was acknowledged: LiteDB's recovery applies
/// only transactions whose pages all reached the log.
/// </para>
/// </summary>
internal sealed class CommitSyncedLog(string path) : LiteDbFile(path)
{
    // 1 when bytes were written since the last sync; cleared before the fsync, so a write racing it sets it again.
    private int _unsynced;

    public string Path { get; } = path;

    /// <summary>Makes every byte written so far durable (one fsync, none when nothing was written).</summary>
    public void Sync()
    {
        if (Interlocked.Exchange(ref _unsynced, 0) == 1)
        {
            File.Flush(flushToDisk: true);
        }
    }

    public override void Flush() => File.Flush(flushToDisk: false);

    public override void SetLength(long value)
    {
        base.SetLength(value);
        Volatile.Write(ref _unsynced, 1);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        base.Write(buffer, offset, count);
        Volatile.Write(ref _unsynced, 1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sync();
        }

        base.Dispose(disposing);
    }
}
