using LiteDB;
using Microsoft.Extensions.Options;

namespace NewsDesk.Storage;

/// <summary>
/// The LiteDB file: feeds (with fetch state), articles (unique on canonical URL), their story keys, and digests. One
/// instance per process, shared by concurrent feed jobs and API requests. Every call holds one gate: LiteDB 5.0 is meant
/// to take concurrent readers and a writer, but under concurrent ingest its page checks failed ("stored slot must be
/// same as called", LiteDB issue #1984) and took the worker down. Every write is a transaction whose log is synced to
/// disk once, when it commits (<see cref="CommitSyncedLog"/>). Disposing closes the file cleanly.
/// </summary>
public sealed partial class LiteDbNewsStore : INewsStore
{
    // What QueryHeadlines reads: the schema version (the mapper upgrades older documents), and every field but the
    // text, HTML, description and story data, which are most of an article.
    private static readonly BsonExpression HeadlineFields = BsonExpression.Create(
        "{ _id: $._id, SchemaVersion: $.SchemaVersion, FeedId: $.FeedId, SourceKind: $.SourceKind, Source: $.Source, " +
        "Url: $.Url, EntryId: $.EntryId, Title: $.Title, Byline: $.Byline, Published: $.Published, Modified: $.Modified, " +
        "Ingested: $.Ingested, LastUpdated: $.LastUpdated, Language: $.Language, LeadImage: $.LeadImage, " +
        "TextSource: $.TextSource, FallbackReason: $.FallbackReason, ContentHash: $.ContentHash, " +
        "EntryFingerprint: $.EntryFingerprint, Tags: $.Tags, Themes: $.Themes, Parties: $.Parties, " +
        "Countries: $.Countries, Organisations: $.Organisations, Summary: $.Summary, StoryId: $.StoryId }");

    private readonly Lock _gate = new();

    // The data file's descriptor, locked (StoreFileLock) from the constructor to Dispose; LiteDB is opened on it, again
    // after an I/O error closed it, and `db compact` swaps it for the rebuilt file's.
    private FileStream _file;

    // Opened by Open(), and again after `db compact` rebuilds the file.
    private SyncedDataFile _data = null!;
    private CommitSyncedLog _log = null!;
    private LiteDatabase _db = null!;
    private ILiteCollection<Article> _articles = null!;
    private ILiteCollection<FeedState> _feeds = null!;
    private ILiteCollection<StoredDigest> _digests = null!;
    private StoryIndex _stories = null!;

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

    public string FilePath { get; }

    public string Location => FilePath;

    /// <summary>
    /// The data file itself: <see cref="FilePath"/> with a symbolic link at its end followed. The log sits beside it and
    /// `db compact` renames over it; beside or over the link, a compaction replaced the link with the new file (the
    /// real store stayed as it was, and the two then parted), and a log left beside the link after a crash was not
    /// seen by a process that opened the real path.
    /// </summary>
    public string DataPath { get; }

    private void Open()
    {
        // The same two files LiteDB opens itself (name.db and name-log.db), opened here so that the log is synced
        // once per commit (CommitSyncedLog) and the data file at each checkpoint (SyncedDataFile).
        _data = new SyncedDataFile(_file);
        _log = new CommitSyncedLog(LogPath(DataPath));
        _db = new LiteDatabase(_data, StoreMapper.Create(), _log);
        _articles = _db.GetCollection<Article>("articles");
        _feeds = _db.GetCollection<FeedState>("feeds");
        _digests = _db.GetCollection<StoredDigest>("digests");
        EnsureIndexes();
        _stories = new StoryIndex(_db);
        if (!_stories.IsCurrent)
        {
            // Outside the transaction: LiteDB drops collections only there.
            _stories.Reset();
            InTransaction(RebuildStoryIndex);
        }

        _log.Sync();
    }

    /// <summary>
    /// Creates every collection and index at open, before any concurrent use: LiteDB creates a collection lazily on
    /// first write, and a reader racing that creation can read a half-made collection page.
    /// </summary>
    private void EnsureIndexes()
    {
        _feeds.EnsureIndex("last_success", "$.LastSuccess");
        _digests.EnsureIndex("generated", "$.GeneratedAt");
        _articles.EnsureIndex("url", "$.Url", unique: true);
        _articles.EnsureIndex("effective_date", "$.EffectiveDate");
        _articles.EnsureIndex("ingested", "$.Ingested");
        _articles.EnsureIndex("feed", "$.FeedId");
        _articles.EnsureIndex("themes", "$.Themes[*]");
        _articles.EnsureIndex("story", "$.StoryId");
        // Story keys live in their own collection (StoryIndex); stores from before it lose the old multi-key index,
        // which cost some 50 index entries per stored article.
        _articles.DropIndex("story_keys");
        _articles.EnsureIndex("content_hash", "$.ContentHash");
    }

    public FeedState? GetFeedState(string feedId) => Locked(() => _feeds.FindById(feedId));

    public IReadOnlyList<FeedState> FeedStates() => Locked(() => _feeds.FindAll().ToList());

    public void SaveFeedState(FeedState state) => InTransaction(() => _feeds.Upsert(state));

    public Article? FindArticle(string id) => Locked(() => _articles.FindById(id));

    // Values go in as parameters: LiteDB compiles and caches every distinct expression text for good, so
    // Query.EQ("$.Url", url) would compile one expression per URL ever looked up.
    public Article? FindByUrl(string url) => Locked(() => _articles.FindOne(BsonExpression.Create("$.Url = @0", url)));

    public Article? FindByContentHash(string hash) => Locked(() => _articles.FindOne(BsonExpression.Create("$.ContentHash = @0", hash)));

    /// <summary>Inserts or replaces the article (by id). Returns true when it was new.</summary>
    public bool Save(Article article) => InTransaction(() =>
    {
        var isNew = _articles.Upsert(article);
        _stories.Put(article, isNew);
        return isNew;
    });

    /// <summary>Inserts many new articles in batched transactions (seeding and imports); ids must not exist yet.</summary>
    public int InsertMany(IEnumerable<Article> articles, int batchSize = 5000)
    {
        // One transaction per batch: articles and their story keys land together, with one log flush.
        var count = 0;
        foreach (var batch in articles.Chunk(batchSize))
        {
            count += InTransaction(() =>
            {
                var inserted = _articles.InsertBulk(batch, batchSize);
                foreach (var article in batch)
                {
                    _stories.Put(article, isNew: true);
                }

                return inserted;
            });
        }

        return count;
    }

    /// <summary>
    /// Articles dated from <paramref name="since"/> on that share at least one story key, those sharing most first, at
    /// most <paramref name="limit"/>: the only candidates story matching compares (see <see cref="StoryIndex"/>). An
    /// undated report passes no <paramref name="since"/>: it gets those the index holds in memory. Undated articles
    /// come back with no date; they are found by their ingest time.
    /// </summary>
    public List<StoryCandidate> FindStoryCandidates(IReadOnlyCollection<string> keys, DateTimeOffset? since, int limit = 40)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        return Locked(() => _stories.Candidates(keys, since, limit).Where(c => since is null || c.Date is null || c.Date >= since).ToList());
    }

    /// <summary>
    /// Makes sure story matching from <paramref name="since"/> on will not read the store for keys: call it outside
    /// a transaction (<see cref="Atomically{T}"/>), where reading them holds no pages (<see cref="StoryIndex.Prepare"/>).
    /// </summary>
    public void PrepareStoryMatching(DateTimeOffset since) => Locked(() => _stories.Prepare(since));

    /// <summary>
    /// A store written before the current story index layout gets its recent articles indexed once, at open: the
    /// longest story window is 30 days, so older articles can never be candidates.
    /// </summary>
    private bool RebuildStoryIndex()
    {
        // Raw documents: the store may hold articles of any schema version, and only a few fields are needed.
        var raw = _db.GetCollection("articles");
        var latest = raw.Query().OrderByDescending("$.EffectiveDate").Limit(1).FirstOrDefault();
        if (latest is not null && latest["EffectiveDate"].IsDateTime)
        {
            var newest = latest["EffectiveDate"].AsDateTime.ToUniversalTime();
            var from = newest > DateTime.MinValue + StoryIndex.Held ? newest - StoryIndex.Held : DateTime.MinValue;
            var recent = raw.Query()
                .Where(BsonExpression.Create("$.EffectiveDate >= @0", from))
                .Select(BsonExpression.Create("{ A: $._id, D: $.EffectiveDate, P: $.Published, K: $.StoryKeys, S: $.StoryId, G: $.StorySignature }"))
                .ToList();
            foreach (var doc in recent)
            {
                if (doc["K"] is { IsArray: true } keys && keys.AsArray.Count > 0 && doc["D"].IsDateTime && doc["G"].IsDocument)
                {
                    var id = doc["A"].AsString;
                    var story = doc["S"].IsString ? doc["S"].AsString : id;
                    _stories.Add(id, doc["D"].AsDateTime, !doc["P"].IsDateTime, story, doc["G"].AsDocument, keys.AsArray.Where(k => k.IsString).Select(k => k.AsString));
                }
            }
        }

        // Done once, even when no article had keys.
        _stories.MarkBuilt();
        return true;
    }

    /// <summary>How many articles story <paramref name="storyId"/> has, counted up to <paramref name="upTo"/> at most (from the story index alone).</summary>
    public int CountStory(string storyId, int upTo) => Locked(() => _articles.Query()
        .Where(BsonExpression.Create("$.StoryId = @0", storyId))
        .Select(BsonExpression.Create("$.StoryId"))
        .Limit(upTo)
        .ToEnumerable()
        .Count());

    /// <summary>Moves every article of story <paramref name="from"/> into story <paramref name="into"/>, in one update. Returns how many moved.</summary>
    public int MergeStory(string from, string into) => InTransaction(() =>
    {
        _stories.MergeStory(from, into);
        return _articles.UpdateMany(BsonExpression.Create("{ StoryId: @0 }", into), BsonExpression.Create("$.StoryId = @0", from));
    });

    /// <summary>Streams matching articles in date order; nothing is buffered beyond LiteDB's own page cache.</summary>
    public IEnumerable<Article> Query(ArticleQuery query) => ArticleQueryRunner.Run(ReadArticles, _db.Mapper, query);

    /// <summary>
    /// A date-only query's articles (<see cref="ArticleQueries.IsDateOnly"/>) in <see cref="Query"/>'s order, read
    /// without their text, HTML, description and story signature and keys: <see cref="Article.Text"/> and
    /// <see cref="Article.Html"/> are empty. What a digest shows, for a fraction of the reading.
    /// </summary>
    public IEnumerable<Article> QueryHeadlines(ArticleQuery query) =>
        ArticleQueryRunner.Documents(ReadArticles, query, HeadlineFields, ArticleQueryRunner.ChunkSize)
            .Select(document => _db.Mapper.ToObject<Article>(document));

    /// <summary>
    /// A date-only query's export cells, in <see cref="Query"/>'s order, from the stored documents' fields: LiteDB reads
    /// only the fields <see cref="DocumentCsvCells.Projection"/> names (exports at scale).
    /// </summary>
    public IEnumerable<string?[]> QueryExportCells(ArticleQuery query)
    {
        var cells = new DocumentCsvCells();
        return ArticleQueryRunner.Documents(ReadArticles, query, DocumentCsvCells.Projection).Select(cells.Fill);
    }

    public int CountArticles() => Locked(() => _articles.Count());

    public void SaveDigest(StoredDigest digest) => InTransaction(() => _digests.Upsert(digest));

    public StoredDigest? GetDigest(string date) => Locked(() => _digests.FindById(date));

    /// <summary>The newest <paramref name="limit"/> digests, newest first.</summary>
    public IReadOnlyList<StoredDigest> Digests(int limit) => Locked(() => _digests.Query().OrderByDescending(d => d.Id).Limit(limit).ToList());

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
