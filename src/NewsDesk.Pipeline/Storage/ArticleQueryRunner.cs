using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// Runs an <see cref="ArticleQuery"/> as a walk along the date index, in chunks: each chunk is its own short LiteDB
/// query, because LiteDB keeps every page a query reads until the query ends, so one long query over a large store
/// holds most of the file in memory. The other filters are cheap checks on each document. Results come in date order.
/// </summary>
internal static class ArticleQueryRunner
{
    private const int Chunk = 500;

    public static IEnumerable<Article> Run(ILiteCollection<Article> articles, ArticleQuery query)
    {
        var results = Walk(articles, query).Where(a => Matches(a, query));
        return query.Limit is { } limit ? results.Take(limit) : results;
    }

    private static IEnumerable<Article> Walk(ILiteCollection<Article> articles, ArticleQuery query)
    {
        var field = query.DateField == ArticleDateField.Ingested ? "$.Ingested" : "$.EffectiveDate";
        var lower = (query.Since ?? DateTimeOffset.MinValue).UtcDateTime;
        var skip = 0;
        while (true)
        {
            // The date predicate makes LiteDB scan the date index, so rows come in date order; `skip` steps over
            // rows already returned that share the chunk's last date.
            var q = articles.Query().Where(LiteDB.Query.GTE(field, new BsonValue(lower)));
            if (query.Until is { } until)
            {
                q = q.Where(LiteDB.Query.LT(field, new BsonValue(until.UtcDateTime)));
            }

            var batch = q.Offset(skip).Limit(Chunk).ToList();
            foreach (var article in batch)
            {
                yield return article;
            }

            if (batch.Count < Chunk)
            {
                yield break;
            }

            var last = DateOf(batch[^1], query.DateField);
            var atLast = batch.Count(a => DateOf(a, query.DateField) == last);
            skip = last == lower ? skip + batch.Count : atLast;
            lower = last;
        }
    }

    private static DateTime DateOf(Article article, ArticleDateField field) =>
        (field == ArticleDateField.Ingested ? article.Ingested : article.EffectiveDate).UtcDateTime;

    private static bool Matches(Article article, ArticleQuery query)
    {
        if (query.Themes.Count > 0 && !article.Themes.Any(query.Themes.Contains))
        {
            return false;
        }

        if (query.Feeds.Count > 0 && !query.Feeds.Contains(article.FeedId))
        {
            return false;
        }

        if (query.Story is { } story && article.StoryId != story)
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
            && !article.Tags.Any(t => t.Score >= minScore && (query.Themes.Count == 0 || query.Themes.Contains(t.Theme))))
        {
            return false;
        }

        return query.Text is not { } text
            || article.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
            || article.Text.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
