using LiteDB;
using LiteDB.Engine;

namespace NewsDesk.Storage;

/// <summary>
/// `db compact`: the store copied into a fresh file, which then replaces it.
/// <para>
/// Not LiteDB's own <c>Rebuild</c>: since 5.0.19 it fails once a collection with a secondary index holds more than
/// about 2,550 documents ("Detected loop in FindAll", LiteDB issue #2827), which a desk's store passes in a week, and it
/// left its -temp files behind. Here every collection's documents go into a new file first and its indexes are built
/// after (one pass each instead of one per insert); the counts are checked, and only then is the new file renamed over
/// the old, so the store is always one whole file or the other. Whatever fails, the new files are removed, so a full
/// disk is not left fuller, and the store goes on with the old file.
/// </para>
/// </summary>
public sealed partial class LiteDbNewsStore
{
    private const int CopyBatch = 5000;

    /// <summary>Rewrites the file without free pages (`db compact`). Returns the bytes saved.</summary>
    public long Compact()
    {
        lock (_gate)
        {
            ReopenIfClosed();
            _db.Checkpoint();
            var before = _file.Length;
            var fresh = CompactPath(DataPath);
            var freshLog = LogPath(fresh);
            // Left by a compaction that was killed (never a store, since the swap is a rename), and by LiteDB's Rebuild,
            // which `db compact` used before and which left its -temp files on every failure.
            foreach (var leftover in new[] { fresh, freshLog, Beside(DataPath, "-temp"), LogPath(Beside(DataPath, "-temp")) })
            {
                DeleteIfThere(leftover);
            }

            FileStream? copy = null;
            var closed = false;
            try
            {
                copy = StoreFileLock.Open(fresh, FileMode.CreateNew);
                CopyInto(copy, freshLog);
                DeleteIfThere(freshLog);

                // The old engine closes, which moves its log into the data file and empties it; a log that still held
                // pages would be replayed into the new file, so the swap happens only once it is empty.
                closed = true;
                _db.Dispose();
                CloseFiles();
                if (File.Exists(LogPath(DataPath)) && new FileInfo(LogPath(DataPath)).Length > 0)
                {
                    throw new StorageException($"storage: {FilePath} was not compacted: its log could not be emptied first.");
                }

                // The new file is locked before its rename, so no other process can open it under the store's name.
                File.Move(fresh, DataPath, overwrite: true);
                (_file, copy) = (copy, _file);
                return before - _file.Length;
            }
            catch (Exception ex)
            {
                DeleteIfThere(fresh);
                DeleteIfThere(freshLog);
                if (ex is IOException or UnauthorizedAccessException or LiteException)
                {
                    throw new StorageException($"storage: {FilePath} was not compacted, and is unchanged: {ex.Message}", ex);
                }

                throw;
            }
            finally
            {
                copy?.Dispose();
                if (closed)
                {
                    OpenOrLeaveClosed();
                }
            }
        }
    }

    /// <summary>Copies every collection, its documents then its indexes, into the empty file <paramref name="target"/>, and checks the counts.</summary>
    private void CopyInto(FileStream target, string logPath)
    {
        var settings = new EngineSettings
        {
            DataStream = new SyncedDataFile(target),
            LogStream = new CommitSyncedLog(logPath),
            // The order of text in indexes: it is the file's, set when it was created.
            Collation = new Collation(_db.Pragma("COLLATION").AsString),
        };
        try
        {
            using var copy = new LiteDatabase(new LiteEngine(settings), StoreMapper.Create());
            foreach (var pragma in new[] { "UTC_DATE", "TIMEOUT", "LIMIT_SIZE", "CHECKPOINT" })
            {
                copy.Pragma(pragma, _db.Pragma(pragma));
            }

            copy.UserVersion = _db.UserVersion;
            var names = _db.GetCollectionNames().ToList();
            foreach (var name in names)
            {
                copy.GetCollection(name).InsertBulk(_db.GetCollection(name).FindAll(), CopyBatch);
            }

            foreach (var index in _db.GetCollection("$indexes").FindAll().Where(i => i["name"].AsString != "_id"))
            {
                copy.GetCollection(index["collection"].AsString).EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
            }

            foreach (var name in names)
            {
                var (had, has) = (_db.GetCollection(name).LongCount(), copy.GetCollection(name).LongCount());
                if (had != has)
                {
                    throw new StorageException($"storage: {FilePath} was not compacted: the copy of {name} has {has} documents, not {had}.");
                }
            }

            copy.Checkpoint();
        }
        finally
        {
            settings.LogStream.Dispose();
            settings.DataStream.Dispose();
        }
    }

    /// <summary>Where `db compact` builds the new file: data.db → data-compact.db, beside it (the rename must stay on one file system).</summary>
    private static string CompactPath(string path) => Beside(path, "-compact");

    /// <summary>data.db → data{suffix}.db in the same folder.</summary>
    private static string Beside(string path, string suffix) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", System.IO.Path.GetFileNameWithoutExtension(path) + suffix + System.IO.Path.GetExtension(path));

    private static void DeleteIfThere(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing there.
        }
    }
}
