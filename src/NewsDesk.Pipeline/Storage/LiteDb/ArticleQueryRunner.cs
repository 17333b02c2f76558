using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// Runs an <see cref="ArticleQuery"/> in date order. A story is a small indexed lookup. Everything else walks the date
/// index in chunks, each its own LiteDB query, because LiteDB keeps every page a query has read until the query ends:
/// one query over 200,000 articles held a gigabyte. The other filters are cheap checks on each article.
/// The walk reads raw documents, so an export can take a few fields of each without building an <see cref="Article"/>
/// (<see cref="Documents"/>); <see cref="Run"/> maps every document whole, as the typed collection would.
/// </summary>
internal static class ArticleQueryRunner
{
    /// <summary>
    /// Runs one read of the articles collection under the store's gate (LiteDbNewsStore.ReadArticles): each chunk is its own
    /// read, so the store can reopen LiteDB between chunks after an I/O error.
    /// </summary>
    internal delegate List<BsonDocument> ArticlesRead(Func<ILiteCollection<BsonDocument>, List<BsonDocument>> read);

    /// <summary>Rows per chunk: enough to amortise a query, few enough that memory stays flat.</summary>
    internal const int ChunkSize = 200;

    /// <summary>
    /// Rows per chunk of projected documents (exports, read on their own thread): smaller chunks keep the reader and
    /// the writer in step. Alternated runs of the 200,000-row CSV: 8.1–10.5 s with 50, 9.5–12.4 s with 200; the digest,
    /// on the whole-document path, was slower cold with 50 (2.1 s against 1.7–1.8 s).
    /// </summary>
    internal const int ProjectedChunkSize = 50;

    public static IEnumerable<Article> Run(ArticlesRead articles, BsonMapper mapper, ArticleQuery query)
    {
        // The store's mapper upgrades each document to the current schema before mapping it (StoreMapper).
        var results = Walk(articles, query, select: null, ChunkSize)
            .Select(document => mapper.ToObject<Article>(document))
            .Where(a => Matches(a, query));
        return query.Limit is { } limit ? results.Take(limit) : results;
    }

    /// <summary>
    /// The documents a date-only query (<see cref="ArticleQueries.IsDateOnly"/>) returns, in the same order as <see cref="Run"/>,
    /// projected by <paramref name="select"/>. The projection must keep _id, Published and Ingested, which the walk
    /// orders by. Documents are not upgraded: the caller does that on what it reads.
    /// </summary>
    public static IEnumerable<BsonDocument> Documents(ArticlesRead articles, ArticleQuery query, BsonExpression select, int chunkSize = ProjectedChunkSize)
    {
        if (!ArticleQueries.IsDateOnly(query))
        {
            throw new ArgumentException("Only date bounds and a limit can be applied to raw documents.", nameof(query));
        }

        var documents = Walk(articles, query, select, chunkSize);
        return query.Limit is { } limit ? documents.Take(limit) : documents;
    }

    private static IEnumerable<BsonDocument> Walk(ArticlesRead articles, ArticleQuery query, BsonExpression? select, int chunkSize) =>
        query.Story is { } story ? StoryLookup(articles, story, query, select) : DateWalk(articles, query, select, chunkSize);

    private static IEnumerable<BsonDocument> StoryLookup(ArticlesRead articles, string story, ArticleQuery query, BsonExpression? select) =>
        articles(c => Read(c.Query().Where(BsonExpression.Create("$.StoryId = @0", story)), select))
            .Where(a => InRange(DateOf(a, query), query))
            .OrderBy(a => DateOf(a, query))
            .ThenBy(IdOf, StringComparer.Ordinal);

    /// <summary>
    /// Keyset walk over the date index. Each chunk is the next <paramref name="chunkSize"/> rows after the last date seen,
    /// read whole under the store's gate and then released, so no LiteDB query stays open while a caller writes rows.
    /// Rows at the chunk's last date may continue past it, so they are not taken from the chunk: all rows at exactly
    /// that date are read by one equality query instead, and the next chunk starts strictly after it. No row is
    /// skipped or repeated, whatever order LiteDB keeps equal keys in; ties come out in id order.
    /// </summary>
    private static IEnumerable<BsonDocument> DateWalk(ArticlesRead articles, ArticleQuery query, BsonExpression? select, int chunkSize)
    {
        var dateField = query.DateField == ArticleDateField.Ingested ? "$.Ingested" : "$.EffectiveDate";
        // One BETWEEN predicate, so the index bounds the scan at both ends (two separate comparisons use the index for
        // one and scan on to the end of the store for the other). Values are parameters, so the expression text is
        // compiled once: LiteDB caches every distinct text for good. Stored dates have millisecond precision, so
        // "after the last date seen" is "from one millisecond later"; the exclusive upper bound is applied to the rows.
        const string range = " BETWEEN @0 AND @1";
        // Unbounded ends are BSON's MinValue and MaxValue, which sort outside every date (and below a missing one).
        var low = query.Since is { } since ? new BsonValue(since.UtcDateTime) : BsonValue.MinValue;
        var high = query.Until is { } until ? new BsonValue(until.UtcDateTime) : BsonValue.MaxValue;
        while (true)
        {
            var (from, to) = (low, high);
            var chunk = articles(c => Read(c.Query().Where(BsonExpression.Create(dateField + range, from, to)).OrderBy(dateField), select, chunkSize));

            var complete = chunk.Count < chunkSize;
            chunk.RemoveAll(a => !InRange(DateOf(a, query), query));
            if (complete)
            {
                foreach (var article in chunk.GroupBy(a => DateOf(a, query)).SelectMany(ById))
                {
                    yield return article;
                }

                yield break;
            }

            if (chunk.Count == 0)
            {
                yield break;
            }

            var last = DateOf(chunk[^1], query);
            foreach (var article in chunk.TakeWhile(a => DateOf(a, query) < last).GroupBy(a => DateOf(a, query)).SelectMany(ById))
            {
                yield return article;
            }

            chunk.Clear();
            var ties = articles(c => Read(c.Query().Where(BsonExpression.Create(dateField + " = @0", new BsonValue(last.UtcDateTime))), select));

            foreach (var article in ById(ties))
            {
                yield return article;
            }

            low = new BsonValue(last.UtcDateTime.AddMilliseconds(1));
        }
    }

    /// <summary>Runs the query, whole documents or projected; LiteDB then reads only the fields the projection names.</summary>
    private static List<BsonDocument> Read(ILiteQueryable<BsonDocument> query, BsonExpression? select, int? limit = null)
    {
        ILiteQueryableResult<BsonDocument> result = select is null ? query : query.Select(select);
        return limit is { } n ? result.Limit(n).ToList() : result.ToList();
    }

    private static IEnumerable<BsonDocument> ById(IEnumerable<BsonDocument> ties) => ties.OrderBy(IdOf, StringComparer.Ordinal);

    private static string IdOf(BsonDocument document) => document["_id"].AsString;

    /// <summary>
    /// The date the walk orders by, as <see cref="Article"/> computes it (EffectiveDate is published, else ingested;
    /// a missing date is the minimum instant), so both paths agree even on a document without the stored field.
    /// </summary>
    private static DateTimeOffset DateOf(BsonDocument article, ArticleQuery query) =>
        query.DateField == ArticleDateField.Ingested ? Instant(article["Ingested"]) ?? default
        : Instant(article["Published"]) ?? Instant(article["Ingested"]) ?? default;

    /// <summary>A stored date as StoreMapper reads it: the UTC instant.</summary>
    internal static DateTimeOffset? Instant(BsonValue value) =>
        value.IsDateTime ? new DateTimeOffset(value.AsDateTime.ToUniversalTime(), TimeSpan.Zero) : null;

    private static bool InRange(DateTimeOffset date, ArticleQuery query) =>
        (query.Since is not { } since || date >= since) && (query.Until is not { } until || date < until);

    private static bool Matches(Article article, ArticleQuery query)
    {
        if (query.Themes.Count > 0 && !article.Themes.Any(t => query.Themes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (query.Feeds.Count > 0 && !query.Feeds.Contains(article.FeedId, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.Party is { } party
            && !article.Parties.Contains(party, StringComparer.OrdinalIgnoreCase)
            && !article.Countries.Contains(party, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.Organisation is { } organisation && !article.Organisations.Contains(organisation, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.MinScore is { } minScore
            && !article.Tags.Any(t => t.Score >= minScore && (query.Themes.Count == 0 || query.Themes.Contains(t.Theme, StringComparer.OrdinalIgnoreCase))))
        {
            return false;
        }

        return query.Text is not { } text
            || article.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || article.Text.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
