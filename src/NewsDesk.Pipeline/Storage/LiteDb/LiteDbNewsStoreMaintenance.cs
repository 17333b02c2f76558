using LiteDB;

namespace NewsDesk.Storage;

/// <summary>The store's maintenance: `db migrate`, retention and `db backup` (`db compact`: NewsStoreCompaction.cs).</summary>
public sealed partial class LiteDbNewsStore
{
    /// <summary>Rewrites every article stored in an older schema in the current one (`db migrate`). Returns how many changed.</summary>
    public int Migrate() => InTransaction(() =>
    {
        // Read upgraded (the mapper runs ArticleSchema.Upgrade) and written back through the mapper, so derived,
        // indexed fields such as EffectiveDate are stored too.
        var raw = _db.GetCollection("articles");
        var older = raw.Query()
            .Where(BsonExpression.Create("$.SchemaVersion = null OR $.SchemaVersion < @0", Article.CurrentSchemaVersion))
            .Select(BsonExpression.Create("$._id"))
            .ToList()
            .Select(d => d["_id"])
            .ToList();
        foreach (var id in older)
        {
            _articles.Update(_articles.FindById(id));
        }

        return older.Count;
    });

    /// <summary>Deletes articles whose date (published, else ingested) and ingest time are both before <paramref name="cutoff"/>, with their story keys. Returns how many.</summary>
    public int PurgeOlderThan(DateTimeOffset cutoff)
    {
        var old = BsonExpression.Create("$.EffectiveDate < @0 AND $.Ingested < @0", new BsonValue(cutoff.UtcDateTime));
        return InTransaction(() =>
        {
            foreach (var id in _articles.Query().Where(old).Select(a => a.Id).ToList())
            {
                _stories.Remove(id);
            }

            return _articles.DeleteMany(old);
        });
    }

    /// <summary>
    /// Writes a copy to <paramref name="target"/> (a new file) while this store stays open: every collection is copied
    /// under the store's gate, so the copy is one consistent moment (ingest waits for it) and a complete, openable
    /// file. Returns the number of articles copied.
    /// </summary>
    public int Backup(string target)
    {
        var full = System.IO.Path.GetFullPath(target);
        if (File.Exists(full) || string.Equals(full, FilePath, StringComparison.Ordinal))
        {
            throw new StorageException($"storage: backup target {full} already exists; give a new file.");
        }

        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var articles = 0;
        try
        {
            var copy = new LiteDbNewsStore(full);
            try
            {
                lock (_gate)
                {
                    ReopenIfClosed();
                    foreach (var name in new[] { "feeds", "digests", "articles" })
                    {
                        var count = copy._db.GetCollection(name).InsertBulk(_db.GetCollection(name).FindAll());
                        articles = name == "articles" ? count : articles;
                    }

                    _stories.CopyTo(copy._stories);
                }

                copy.Checkpoint();
            }
            catch (Exception)
            {
                // Closing a copy whose write failed can throw LiteDB's own follow-on error ("page must be writable"),
                // which would hide the cause (a full disk): close it without letting that replace the first failure.
                try
                {
                    copy.Dispose();
                }
                catch (Exception)
                {
                    // The failure being handled is the one to report; the copy is deleted below either way.
                }

                throw;
            }

            copy.Dispose();
        }
        catch (Exception ex)
        {
            // A backup that failed (a full disk, say) leaves nothing: no half-made copy, and no file that makes the
            // next attempt "already exist".
            DeleteIfThere(full);
            DeleteIfThere(LogPath(full));
            var cause = ex is StorageException { InnerException: IOException or UnauthorizedAccessException } opening ? opening.InnerException : ex;
            if (cause is IOException or UnauthorizedAccessException or LiteException)
            {
                throw new StorageException($"storage: backup to {full} failed, and nothing was left there: {cause.Message}", ex);
            }

            throw;
        }

        return articles;
    }
}
