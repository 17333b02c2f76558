using LiteDB;
using Microsoft.Extensions.Options;

namespace NewsDesk.Storage;

/// <summary>
/// The LiteDB store's engine: the locked data file, the gate and transactions, reopening after I/O errors, and closing.
/// One instance per process, shared by concurrent feed jobs and API requests. Every call holds one gate: LiteDB 5.0 is
/// meant to take concurrent readers and a writer, but under concurrent ingest its page checks failed ("stored slot must
/// be same as called", LiteDB issue #1984) and took the worker down. Every write is a transaction whose log is synced to
/// disk once, when it commits (<see cref="CommitSyncedLog"/>). Disposing closes the file cleanly.
/// </summary>
public sealed partial class LiteDbNewsStore
{
    private readonly Lock _gate = new();

    // The data file's descriptor, locked (StoreFileLock) from the constructor to Dispose; LiteDB is opened on it, again
    // after an I/O error closed it, and `db compact` swaps it for the rebuilt file's.
    private FileStream _file;

    // Opened by Open(), and again after `db compact` rebuilds the file.
    private SyncedDataFile _data = null!;
    private CommitSyncedLog _log = null!;
    private LiteDatabase _db = null!;

    // Set when LiteDB closed itself after an I/O error; the next call reopens the file (ReopenIfClosed).
    private bool _closed;
    private bool _disposed;
    // True while a transaction this store began is open (on the thread holding the gate).
    private bool _inTransaction;
    // Counts the write transactions that have ended; see Generation.
    private long _generation;

    public LiteDbNewsStore(IOptions<StorageOptions> options)
        : this(options.Value.Path)
    {
    }

    public LiteDbNewsStore(string path)
    {
        FilePath = System.IO.Path.GetFullPath(path);
        DataPath = RealFile(FilePath);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // LiteDB must not be opened by two processes at once; the lock on the data file itself makes the second
            // one fail at once with a clear message, whichever path (or link) it came by.
            _file = StoreFileLock.Open(FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotOpen(ex);
        }

        try
        {
            // Before LiteDB sees it: LiteDB writes a new store over a file that is not one.
            StoreFileHeader.Require(_file, FilePath);
        }
        catch
        {
            _file.Dispose();
            throw;
        }

        try
        {
            Open();
        }
        catch (Exception ex)
        {
            Abandon();
            if (ex is IOException or UnauthorizedAccessException)
            {
                throw CannotOpen(ex);
            }

            throw;
        }
    }

    public void Checkpoint() => Locked(() => _db.Checkpoint());

    /// <summary>True when another process (a running worker) holds the store at <paramref name="path"/>.</summary>
    public static bool IsInUse(string path) => StoreFileLock.IsHeld(System.IO.Path.GetFullPath(path));

    /// <summary>
    /// Runs <paramref name="work"/> under the gate in one LiteDB transaction: everything it writes through this store
    /// is committed together, or not at all when it throws. Reads inside see its own writes. LiteDB binds the
    /// transaction to the calling thread, so <paramref name="work"/> must not await.
    /// </summary>
    public T Atomically<T>(Func<T> work) => InTransaction(work);

    /// <summary>
    /// Changes each time a write transaction ends (committed or rolled back), and only then: what was read while it
    /// held a value is what the store still holds while it holds that value. Read it before reading the data.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Runs <paramref name="write"/> under the gate in a transaction: its own, or the caller's when one is open on this thread.</summary>
    private T InTransaction<T>(Func<T> write)
    {
        lock (_gate)
        {
            // BeginTrans is false inside an open transaction (Atomically): the outer one commits or rolls back.
            var own = Attempt(() => _db.BeginTrans());
            _inTransaction |= own;
            try
            {
                var result = write();
                if (own)
                {
                    _db.Commit();
                    _log.Sync();
                }

                return result;
            }
            catch (Exception ex) when (own)
            {
                // Story keys in memory may include some of what was rolled back.
                _stories.Forget();
                _closed |= ClosesLiteDb(ex);
                try
                {
                    _db.Rollback();
                }
                catch (Exception failed) when (_closed && (failed is LiteException || ClosesLiteDb(failed)))
                {
                    // LiteDB closed itself and dropped the transaction: the file keeps what was committed before.
                }

                if (_closed)
                {
                    ClosedLiteDb.ReleaseTransactions(_db);
                }

                throw;
            }
            finally
            {
                _inTransaction &= !own;
                if (own)
                {
                    Interlocked.Increment(ref _generation);
                }
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> under the gate, on a LiteDB reopened first if an I/O error closed it.</summary>
    private T Locked<T>(Func<T> work)
    {
        lock (_gate)
        {
            return Attempt(work);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> (under the gate) on an open LiteDB. LiteDB can also close itself where the store
    /// does not see it (its log writer runs on a thread of its own), and then the next call fails with the old error:
    /// outside a transaction that call is made again, once, on the file reopened, so no caller fails for an error
    /// that is over. Inside a transaction the error goes to the caller, whose transaction went with the engine.
    /// </summary>
    private T Attempt<T>(Func<T> work)
    {
        ReopenIfClosed();
        try
        {
            return work();
        }
        catch (Exception ex) when (ClosesLiteDb(ex) && !_inTransaction)
        {
            MarkClosed();
        }
        catch (Exception ex) when (ClosesLiteDb(ex))
        {
            MarkClosed();
            throw;
        }

        ReopenIfClosed();
        try
        {
            return work();
        }
        catch (Exception ex) when (ClosesLiteDb(ex))
        {
            MarkClosed();
            throw;
        }
    }

    private void MarkClosed()
    {
        _closed = true;
        ClosedLiteDb.ReleaseTransactions(_db);
    }

    private void Locked(Action work) => Locked(() =>
    {
        work();
        return true;
    });

    /// <summary>One read of the articles collection under the gate, for <see cref="ArticleQueryRunner"/>'s chunks.</summary>
    private List<BsonDocument> ReadArticles(Func<ILiteCollection<BsonDocument>, List<BsonDocument>> read) =>
        Locked(() => read(_db.GetCollection("articles")));

    /// <summary>
    /// LiteDB 5 closes itself after any I/O error (a full disk, a failed read) and then refuses every call, so a worker
    /// whose disk filled for a moment would fail until restarted. The store reopens the file on the next call instead:
    /// LiteDB replays its log, so what was committed is there. While the disk is still full the reopen fails with the
    /// disk's error, and the call after tries again.
    /// </summary>
    private void ReopenIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_closed)
        {
            return;
        }

        if (_inTransaction)
        {
            // The open transaction went with the engine; the store reopens once it has ended.
            throw new StorageException("storage: the database closed during a transaction after an I/O error.");
        }

        CloseDb();
        CloseFiles();
        // Open runs transactions of its own (a story index rebuild), which must not come back here.
        _closed = false;
        OpenOrLeaveClosed();
    }

    /// <summary>
    /// Opens the store's file again (after a reopen or a compaction's swap). If that fails (still no room, say: the new
    /// engine may close itself as the old one did), the store is left closed for the next call to open.
    /// </summary>
    private void OpenOrLeaveClosed()
    {
        try
        {
            Open();
        }
        catch (Exception)
        {
            _closed = true;
            ClosedLiteDb.ReleaseTransactions(_db);
            CloseFiles();
            throw;
        }
    }

    private void CloseDb()
    {
        try
        {
            _db.Dispose();
        }
        catch (Exception ex) when (_closed && (ex is LiteException || ClosesLiteDb(ex)))
        {
            // LiteDB had closed itself already.
        }
    }

    /// <summary>An error after which LiteDB has closed itself (or the files under it), or one it gives once closed.</summary>
    private static bool ClosesLiteDb(Exception ex) =>
        ex is IOException or ObjectDisposedException or LiteException { ErrorCode: LiteException.ENGINE_DISPOSED or LiteException.INVALID_DATAFILE_STATE }
        || ex.InnerException is IOException or ObjectDisposedException;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // LiteDB checkpoints the log into the data file as it closes; an empty log file is removed, as LiteDB
            // does when it opens the files itself.
            try
            {
                CloseDb();
            }
            finally
            {
                // Even when LiteDB fails to close (a full disk), the descriptors and the lock go: a backup that failed
                // must not leave its target held.
                CloseFiles();
                _file.Dispose();
            }

            var log = LogPath(DataPath);
            if (File.Exists(log) && new FileInfo(log).Length == 0)
            {
                File.Delete(log);
            }
        }
    }

    /// <summary><paramref name="path"/>, or where the symbolic link at its end finally points.</summary>
    private static string RealFile(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            // A link loop or a dangling chain: opening the store reports it.
            return path;
        }
    }

    /// <summary>LiteDB's name for the log of <paramref name="path"/>: data.db → data-log.db.</summary>
    private static string LogPath(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    private StorageException CannotOpen(Exception ex) => ex is UnauthorizedAccessException
        ? new StorageException($"storage: cannot open {FilePath}: permission denied.", ex)
        : new StorageException($"storage: cannot open {FilePath}: {ex.Message}", ex);

    /// <summary>Releases what a failed open holds, the data file and its lock included.</summary>
    private void Abandon()
    {
        CloseFiles();
        _file.Dispose();
    }

    private void CloseFiles()
    {
        try
        {
            _log?.Dispose();
        }
        finally
        {
            _data?.Dispose();
        }
    }
}
