using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// Turns an <see cref="ArticleQuery"/> into one indexed LiteDB query (date range, theme or feed) in date order, plus
/// cheap in-memory checks for the rest. Rows are written as they are read, but LiteDB keeps the pages a query reads
/// until it ends, so memory grows with the result (docs/benchmarks.md, issue #7).
/// </summary>
internal static class ArticleQueryRunner
{
    public static IEnumerable<Article> Run(ILiteCollection<Article> articles, ArticleQuery query)
    {
        var dateField = query.DateField == ArticleDateField.Ingested ? "$.Ingested" : "$.EffectiveDate";
        var predicates = new List<BsonExpression>();
        if (query.Since is { } since)
        {
            predicates.Add(LiteDB.Query.GTE(dateField, new BsonValue(since.UtcDateTime)));
        }

        if (query.Until is { } until)
        {
            predicates.Add(LiteDB.Query.LT(dateField, new BsonValue(until.UtcDateTime)));
        }

        if (query.Themes.Count > 0)
        {
            predicates.Add(BsonExpression.Create("$.Themes[*] ANY IN @0", new BsonArray(query.Themes.Select(t => new BsonValue(t)))));
        }

        if (query.Feeds.Count > 0)
        {
            predicates.Add(LiteDB.Query.In("$.FeedId", query.Feeds.Select(f => new BsonValue(f))));
        }

        if (query.Story is not null)
        {
            predicates.Add(LiteDB.Query.EQ("$.StoryId", query.Story));
        }

        var q = articles.Query();
        foreach (var predicate in predicates)
        {
            q = q.Where(predicate);
        }

        var results = q.OrderBy(dateField).ToEnumerable().Where(a => Matches(a, query));
        return query.Limit is { } limit ? results.Take(limit) : results;
    }

    private static bool Matches(Article article, ArticleQuery query)
    {
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
