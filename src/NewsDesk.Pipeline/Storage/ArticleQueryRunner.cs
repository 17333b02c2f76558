using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// Runs an <see cref="ArticleQuery"/> in date order. A story is a small indexed lookup. Everything else walks the date
/// index in chunks, each its own LiteDB query, because LiteDB keeps every page a query has read until the query ends:
/// one query over 200,000 articles held a gigabyte. The other filters are cheap checks on each document.
/// </summary>
internal static class ArticleQueryRunner
{
    /// <summary>Rows per chunk: enough to amortise a query, few enough that memory stays flat.</summary>
    internal const int ChunkSize = 200;

    public static IEnumerable<Article> Run(ILiteCollection<Article> articles, ArticleQuery query, Lock gate)
    {
        var dateField = query.DateField == ArticleDateField.Ingested ? "$.Ingested" : "$.EffectiveDate";
        var rows = query.Story is { } story
            ? StoryLookup(articles, story, query, gate)
            : DateWalk(articles, query, dateField, gate);
        var results = rows.Where(a => Matches(a, query));
        return query.Limit is { } limit ? results.Take(limit) : results;
    }

    private static IEnumerable<Article> StoryLookup(ILiteCollection<Article> articles, string story, ArticleQuery query, Lock gate)
    {
        List<Article> members;
        lock (gate)
        {
            members = articles.Find(BsonExpression.Create("$.StoryId = @0", story)).ToList();
        }

        return members
            .Where(a => InRange(DateOf(a, query), query))
            .OrderBy(a => DateOf(a, query))
            .ThenBy(a => a.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Keyset walk over the date index. Each chunk is the next <see cref="ChunkSize"/> rows after the last date seen,
    /// read whole under the store's gate and then released, so no LiteDB query stays open while a caller writes rows.
    /// Rows at the chunk's last date may continue past it, so they are not taken from the chunk: all rows at exactly
    /// that date are read by one equality query instead, and the next chunk starts strictly after it. No row is
    /// skipped or repeated, whatever order LiteDB keeps equal keys in; ties come out in id order.
    /// </summary>
    private static IEnumerable<Article> DateWalk(ILiteCollection<Article> articles, ArticleQuery query, string dateField, Lock gate)
    {
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
            List<Article> chunk;
            lock (gate)
            {
                chunk = articles.Query()
                    .Where(BsonExpression.Create(dateField + range, low, high))
                    .OrderBy(dateField)
                    .Limit(ChunkSize)
                    .ToList();
            }

            var complete = chunk.Count < ChunkSize;
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
            List<Article> ties;
            lock (gate)
            {
                ties = articles.Find(BsonExpression.Create(dateField + " = @0", Bson(last))).ToList();
            }

            foreach (var article in ById(ties))
            {
                yield return article;
            }

            low = new BsonValue(last.UtcDateTime.AddMilliseconds(1));
        }
    }

    private static IEnumerable<Article> ById(IEnumerable<Article> ties) => ties.OrderBy(a => a.Id, StringComparer.Ordinal);

    private static BsonValue Bson(DateTimeOffset value) => new(value.UtcDateTime);

    private static DateTimeOffset DateOf(Article article, ArticleQuery query) =>
        query.DateField == ArticleDateField.Ingested ? article.Ingested : article.EffectiveDate;

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
