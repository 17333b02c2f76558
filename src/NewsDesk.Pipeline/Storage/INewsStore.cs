namespace NewsDesk.Storage;

/// <summary>
/// The store's vocabulary: feeds and their fetch state, articles (unique on canonical URL), story candidates and
/// merges, digests, queries and exports, counts, migration and retention. Two implementations, chosen by
/// NewsDesk:Storage:Provider: <see cref="LiteDbNewsStore"/>, an embedded file for one worker (the default), and
/// <see cref="PostgresNewsStore"/>, a database several workers share. Every reader and writer of articles goes through
/// this interface; what only one engine has (`db compact`, `db backup` of a LiteDB file) stays on its class.
/// </summary>
public interface INewsStore : IDisposable
{
    /// <summary>Where the store is, for messages: the LiteDB file, or the PostgreSQL host and database.</summary>
    string Location { get; }

    FeedState? GetFeedState(string feedId);

    IReadOnlyList<FeedState> FeedStates();

    void SaveFeedState(FeedState state);

    Article? FindArticle(string id);

    Article? FindByUrl(string url);

    Article? FindByContentHash(string hash);

    /// <summary>Inserts or replaces the article (by id), with its story keys. Returns true when it was new.</summary>
    bool Save(Article article);

    /// <summary>Inserts many new articles in batches (seeding and imports); ids must not exist yet. Returns how many.</summary>
    int InsertMany(IEnumerable<Article> articles, int batchSize = 5000);

    /// <summary>
    /// Articles dated from <paramref name="since"/> on that share at least one story key, those sharing most first, at
    /// most <paramref name="limit"/>: the only candidates story matching compares. An undated report passes no
    /// <paramref name="since"/> and gets those of the last weeks the store holds at hand. Undated articles come back
    /// with no date. Inside <see cref="Atomically{T}"/>, what this returns stays true until the transaction ends: a
    /// store shared by several workers makes any other assignment to these keys wait (PostgreSQL: advisory locks).
    /// </summary>
    List<StoryCandidate> FindStoryCandidates(IReadOnlyCollection<string> keys, DateTimeOffset? since, int limit = 40);

    /// <summary>Readies story matching from <paramref name="since"/> on; call it outside a transaction.</summary>
    void PrepareStoryMatching(DateTimeOffset since);

    /// <summary>How many articles story <paramref name="storyId"/> has, counted up to <paramref name="upTo"/> at most.</summary>
    int CountStory(string storyId, int upTo);

    /// <summary>Moves every article of story <paramref name="from"/> into story <paramref name="into"/>. Returns how many moved.</summary>
    int MergeStory(string from, string into);

    /// <summary>Streams matching articles in date order (then id), without holding the result in memory.</summary>
    IEnumerable<Article> Query(ArticleQuery query);

    /// <summary>
    /// A date-only query's articles (<see cref="ArticleQueries.IsDateOnly"/>) in <see cref="Query"/>'s order, without
    /// their text, HTML and story signature and keys (<see cref="Article.Text"/> and <see cref="Article.Html"/> are
    /// empty): what a digest shows, for a fraction of the reading.
    /// </summary>
    IEnumerable<Article> QueryHeadlines(ArticleQuery query);

    /// <summary>
    /// A date-only query's articles (<see cref="ArticleQueries.IsDateOnly"/>) as export cells, in <see cref="Query"/>'s
    /// order: one new array per row, in the column order of docs/export-schema.md (<see cref="NewsDesk.Exports.ExportColumns"/>),
    /// each cell exactly what the <see cref="NewsDesk.Exports.ExportRow"/> path writes. Each store reads only what the columns need.
    /// </summary>
    IEnumerable<string?[]> QueryExportCells(ArticleQuery query);

    int CountArticles();

    void SaveDigest(StoredDigest digest);

    StoredDigest? GetDigest(string date);

    /// <summary>The newest <paramref name="limit"/> digests, newest first.</summary>
    IReadOnlyList<StoredDigest> Digests(int limit);

    /// <summary>
    /// A small named record a job keeps between runs, in the store so that every worker sharing it sees the same one
    /// (the alerter's state: which stories each desk was alerted to), or null when none was saved.
    /// </summary>
    string? GetRecord(string name);

    /// <summary>Saves (replaces) the named record, committed when this returns.</summary>
    void SaveRecord(string name, string value);

    /// <summary>
    /// Holds <paramref name="name"/> for one job that must not run twice on this store at once (`retag`), across every
    /// process that shares the store, until the returned handle is disposed; null when another holder has it.
    /// </summary>
    IDisposable? TryHold(string name);

    /// <summary>
    /// Brings the store up to this NewsDesk's schema (`db migrate`, and at open). Returns how many stored articles were
    /// rewritten.
    /// </summary>
    int Migrate();

    /// <summary>Deletes articles whose date (published, else ingested) and ingest time are both before <paramref name="cutoff"/>, with their story keys. Returns how many.</summary>
    int PurgeOlderThan(DateTimeOffset cutoff);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: everything it writes through this store is committed together,
    /// or not at all when it throws. Reads inside see its own writes. The transaction is bound to the calling thread,
    /// so <paramref name="work"/> must not await.
    /// </summary>
    T Atomically<T>(Func<T> work);

    /// <summary>
    /// Changes after every write transaction that committed (with a shared database, any worker's; LiteDB also moves it
    /// on a rollback): what was read while it held a value is what the store still holds while it holds that value.
    /// Read it before the data.
    /// </summary>
    long Generation { get; }
}
