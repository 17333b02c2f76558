using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// The LiteDB store (NewsDesk:Storage:Provider = litedb, the default): feeds (with fetch state), articles (unique on
/// canonical URL), their story keys, and digests, in one file. This file is the store's vocabulary; the engine under
/// it (the file lock, the gate, transactions, reopening after I/O errors) is LiteDbNewsStoreEngine.cs, `db migrate`,
/// retention and `db backup` are LiteDbNewsStoreMaintenance.cs, and `db compact` LiteDbNewsStoreCompaction.cs.
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
        "Countries: $.Countries, Organisations: $.Organisations, Summary: $.Summary, StoryId: $.StoryId, " +
        "TaxonomyVersion: $.TaxonomyVersion, Link: $.Link }");

    private ILiteCollection<Article> _articles = null!;
    private ILiteCollection<FeedState> _feeds = null!;
    private ILiteCollection<StoredDigest> _digests = null!;
    private ILiteCollection<BsonDocument> _records = null!;
    private StoryIndex _stories = null!;

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
        _records = _db.GetCollection("records");
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
        _records.EnsureIndex("_id", "$._id");
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

    public string? GetRecord(string name) => Locked(() => _records.FindById(name)?["V"].AsString);

    public void SaveRecord(string name, string value) =>
        InTransaction(() => _records.Upsert(new BsonDocument { ["_id"] = name, ["V"] = value }));

    /// <summary>The newest <paramref name="limit"/> digests, newest first.</summary>
    public IReadOnlyList<StoredDigest> Digests(int limit) => Locked(() => _digests.Query().OrderByDescending(d => d.Id).Limit(limit).ToList());
}
