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
    internal const int ChunkSize = 500;

    public static IEnumerable<Article> Run(ILiteCollection<Article> articles, ArticleQuery query)
    {
        var dateField = query.DateField == ArticleDateField.Ingested ? "$.Ingested" : "$.EffectiveDate";
        var rows = query.Story is { } story
            ? StoryLookup(articles, story, query, dateField)
            : DateWalk(articles, query, dateField);
        var results = rows.Where(a => Matches(a, query));
        return query.Limit is { } limit ? results.Take(limit) : results;
    }

    private static IEnumerable<Article> StoryLookup(ILiteCollection<Article> articles, string story, ArticleQuery query, string dateField) =>
        articles.Query()
            .Where(LiteDB.Query.EQ("$.StoryId", story))
            .ToEnumerable()
            .Where(a => InRange(DateOf(a, query), query))
            .OrderBy(a => DateOf(a, query))
            .ThenBy(a => a.Id, StringComparer.Ordinal);

    /// <summary>
    /// Keyset walk over the date index. Each chunk is the next <see cref="ChunkSize"/> rows after the last date seen.
    /// Rows at the chunk's last date may continue past it, so they are not taken from the chunk: all rows at exactly
    /// that date are read by one equality query instead, and the next chunk starts strictly after it. No row is
    /// skipped or repeated, whatever order LiteDB keeps equal keys in; ties come out in id order.
    /// </summary>
    private static IEnumerable<Article> DateWalk(ILiteCollection<Article> articles, ArticleQuery query, string dateField)
    {
        var lower = query.Since is { } since ? LiteDB.Query.GTE(dateField, Bson(since)) : null;
        var upper = query.Until is { } until ? LiteDB.Query.LT(dateField, Bson(until)) : null;
        while (true)
        {
            var q = articles.Query();
            if (lower is not null)
            {
                q = q.Where(lower);
            }

            if (upper is not null)
            {
                q = q.Where(upper);
            }

            // Rows stream out as they are read, so a chunk never lives long enough to leave the GC's youngest
            // generation; only the rows at the latest date so far are held back.
            var read = 0;
            DateTimeOffset? last = null;
            var held = new List<Article>();
            foreach (var article in q.OrderBy(dateField).Limit(ChunkSize).ToEnumerable())
            {
                read++;
                var date = DateOf(article, query);
                if (date != last)
                {
                    foreach (var tie in ById(held))
                    {
                        yield return tie;
                    }

                    held.Clear();
                    last = date;
                }

                held.Add(article);
            }

            if (read < ChunkSize || last is null)
            {
                foreach (var tie in ById(held))
                {
                    yield return tie;
                }

                yield break;
            }

            held.Clear();
            foreach (var tie in ById(articles.Find(LiteDB.Query.EQ(dateField, Bson(last.Value)))))
            {
                yield return tie;
            }

            lower = LiteDB.Query.GT(dateField, Bson(last.Value));
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
