using LiteDB;
using Microsoft.Extensions.Options;

namespace NewsDesk.Storage;

/// <summary>
/// The LiteDB file: feeds (with fetch state), articles (unique on canonical URL) and digests. One instance per
/// process; LiteDB serialises writes itself, so concurrent feed jobs may share it. Disposing closes the file cleanly.
/// </summary>
public sealed class NewsStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<Article> _articles;
    private readonly ILiteCollection<FeedState> _feeds;
    private readonly ILiteCollection<StoredDigest> _digests;
    private readonly FileStream _lock;

    public NewsStore(IOptions<StorageOptions> options)
        : this(options.Value.Path)
    {
    }

    public NewsStore(string path)
    {
        FilePath = System.IO.Path.GetFullPath(path);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // LiteDB must not be opened by two processes at once; an exclusive lock file makes the second one fail
            // at once with a clear message instead of both writing to the file.
            _lock = AcquireLock(FilePath);
            _db = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }, StoreMapper.Create());
        }
        catch (IOException ex)
        {
            _lock?.Dispose();
            throw new StorageException($"storage: cannot open {FilePath}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            _lock?.Dispose();
            throw new StorageException($"storage: cannot open {FilePath}: permission denied.", ex);
        }

        _articles = _db.GetCollection<Article>("articles");
        _feeds = _db.GetCollection<FeedState>("feeds");
        _digests = _db.GetCollection<StoredDigest>("digests");
        EnsureIndexes();
    }

    public string FilePath { get; }

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
        _articles.EnsureIndex("story_keys", "$.StoryKeys[*]");
        _articles.EnsureIndex("content_hash", "$.ContentHash");
    }

    public FeedState? GetFeedState(string feedId) => _feeds.FindById(feedId);

    public IEnumerable<FeedState> FeedStates() => _feeds.FindAll();

    public void SaveFeedState(FeedState state) => _feeds.Upsert(state);

    public Article? FindArticle(string id) => _articles.FindById(id);

    public Article? FindByUrl(string url) => _articles.FindOne(LiteDB.Query.EQ("$.Url", url));

    public Article? FindByContentHash(string hash) => _articles.FindOne(LiteDB.Query.EQ("$.ContentHash", hash));

    /// <summary>Inserts or replaces the article (by id). Returns true when it was new.</summary>
    public bool Save(Article article) => _articles.Upsert(article);

    /// <summary>Inserts many new articles in batched transactions (seeding and imports); ids must not exist yet.</summary>
    public int InsertMany(IEnumerable<Article> articles, int batchSize = 5000) => _articles.InsertBulk(articles, batchSize);

    /// <summary>Articles that share at least one story key and are no older than <paramref name="since"/>: the only candidates story matching compares.</summary>
    public List<Article> FindStoryCandidates(IReadOnlyCollection<string> keys, DateTimeOffset since, int limit = 200)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var ids = new HashSet<string>();
        var result = new List<Article>();
        foreach (var key in keys)
        {
            foreach (var article in _articles.Find(BsonExpression.Create("$.StoryKeys[*] ANY = @0", key), limit: limit))
            {
                if (article.EffectiveDate >= since && ids.Add(article.Id))
                {
                    result.Add(article);
                }
            }
        }

        return result;
    }

    public List<Article> FindStory(string storyId) => _articles.Find(LiteDB.Query.EQ("$.StoryId", storyId)).ToList();

    /// <summary>Streams matching articles in date order; nothing is buffered beyond LiteDB's own page cache.</summary>
    public IEnumerable<Article> Query(ArticleQuery query) => ArticleQueryRunner.Run(_articles, query);

    public int CountArticles() => _articles.Count();

    public void SaveDigest(StoredDigest digest) => _digests.Upsert(digest);

    public StoredDigest? GetDigest(string date) => _digests.FindById(date);

    public IEnumerable<StoredDigest> Digests() => _digests.Query().OrderByDescending(d => d.Id).ToEnumerable();

    public void Checkpoint() => _db.Checkpoint();

    /// <summary>Rewrites every article stored in an older schema in the current one (`db migrate`). Returns how many changed.</summary>
    public int Migrate()
    {
        var raw = _db.GetCollection("articles");
        var older = raw.Find(BsonExpression.Create("$.SchemaVersion = null OR $.SchemaVersion < @0", Article.CurrentSchemaVersion)).ToList();
        foreach (var document in older)
        {
            ArticleSchema.Upgrade(document);
            raw.Update(document);
        }

        return older.Count;
    }

    /// <summary>Deletes articles whose date (published, else ingested) and ingest time are both before <paramref name="cutoff"/>. Returns how many.</summary>
    public int PurgeOlderThan(DateTimeOffset cutoff) =>
        _articles.DeleteMany(LiteDB.Query.And(LiteDB.Query.LT("$.EffectiveDate", new BsonValue(cutoff.UtcDateTime)), LiteDB.Query.LT("$.Ingested", new BsonValue(cutoff.UtcDateTime))));

    /// <summary>Rebuilds the file without free pages (`db compact`). Returns the bytes saved.</summary>
    public long Compact() => _db.Rebuild();

    /// <summary>
    /// Writes a copy to <paramref name="target"/> (a new file) while this store stays open and in use: every collection
    /// is read in one read transaction of its own and written to a fresh LiteDB file, which is then closed, so the copy
    /// is a complete, openable file even while feed jobs write. Returns the number of articles copied.
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
        using (var copy = new NewsStore(full))
        {
            foreach (var name in new[] { "feeds", "digests", "articles" })
            {
                var count = copy._db.GetCollection(name).InsertBulk(_db.GetCollection(name).FindAll());
                articles = name == "articles" ? count : articles;
            }

            copy.Checkpoint();
        }

        return articles;
    }

    /// <summary>True when another process (a running worker) holds the store at <paramref name="path"/>.</summary>
    public static bool IsInUse(string path)
    {
        try
        {
            using var probe = new FileStream(System.IO.Path.GetFullPath(path) + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }

    // Only a held lock means "in use"; any other failure (read-only file system, full disk) is reported as itself.
    // .NET gives the errno as HResult on Unix (EWOULDBLOCK: 11 on Linux, 35 on macOS) and a Win32 HResult on Windows.
    private static bool IsHeld(IOException ex) => ex.HResult is 11 or 35 or unchecked((int)0x80070020);

    private static FileStream AcquireLock(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex) when (IsHeld(ex))
        {
            throw new StorageException($"storage: {path} is in use by another NewsDesk process (a running worker?). Stop it, or read through the worker's API.", ex);
        }
    }
}
