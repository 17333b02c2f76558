using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiteDB;
using NewsDesk.Storage;

namespace NewsDesk.Benchmarking;

/// <summary>
/// `bench queries`: on an existing store (e.g. from `bench seed`), LiteDB's plan for each query shape behind the
/// digest, export, the read API and ingest (built with the same expressions ArticleQueryRunner and NewsStore use),
/// then the time and row count of each through the real NewsStore.
/// </summary>
internal static class QueryPlanBenchmark
{
    public static string Run(string database)
    {
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        DateTime newest;
        string url, hash, story, key, feed;
        using (var db = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct, ReadOnly = true }))
        {
            var articles = db.GetCollection("articles");
            var count = articles.Count();
            var last = articles.Query().OrderByDescending("$.EffectiveDate").Limit(1).First();
            newest = last["EffectiveDate"].AsDateTime.ToUniversalTime();
            url = last["Url"].AsString;
            hash = last["ContentHash"].AsString;
            story = last["StoryId"].AsString;
            feed = last["FeedId"].AsString;
            key = last["StoryKeys"].AsArray.FirstOrDefault()?.AsString ?? "none";
            var day = newest.Date;
            report.AppendLine(c, $"bench queries: {count:N0} articles in {database}; newest day {day:yyyy-MM-dd}");
            report.AppendLine("| query (used by) | index used (LiteDB plan) | order | lookups |");
            report.AppendLine("|---|---|---|---|");
            Plan(report, "day's articles in date order (digest, API ?date, export --since/--until)", articles.Query()
                .Where(LiteDB.Query.GTE("$.EffectiveDate", new BsonValue(day))).Where(LiteDB.Query.LT("$.EffectiveDate", new BsonValue(day.AddDays(1)))).OrderBy("$.EffectiveDate"));
            Plan(report, "ingested range (export --date-field ingested)", articles.Query()
                .Where(LiteDB.Query.GTE("$.Ingested", new BsonValue(day))).OrderBy("$.Ingested"));
            Plan(report, "theme filter only (export --theme, API theme=)", articles.Query()
                .Where(BsonExpression.Create("$.Themes[*] ANY IN @0", new BsonArray(new BsonValue("standards")))).OrderBy("$.EffectiveDate"));
            Plan(report, "feed filter only (API feed=)", articles.Query()
                .Where(LiteDB.Query.In("$.FeedId", new BsonValue(feed))).OrderBy("$.EffectiveDate"));
            Plan(report, "story (API story=, digest merge)", articles.Query().Where(LiteDB.Query.EQ("$.StoryId", story)));
            Plan(report, "whole store in date order (export with no filter)", articles.Query().OrderBy("$.EffectiveDate"));
            Plan(report, "URL look-up (ingest, each entry)", articles.Query().Where(LiteDB.Query.EQ("$.Url", url)));
            Plan(report, "content hash look-up (ingest, re-published items)", articles.Query().Where(LiteDB.Query.EQ("$.ContentHash", hash)));
            Plan(report, "story key (story matching, each key)", articles.Query().Where(BsonExpression.Create("$.StoryKeys[*] ANY = @0", key)));
        }

        using var store = new NewsStore(database);
        var since = new DateTimeOffset(newest.Date, TimeSpan.Zero);
        report.AppendLine();
        report.AppendLine("| query through NewsStore | rows | time ms |");
        report.AppendLine("|---|---|---|");
        Time(report, "day's articles (digest)", () => store.Query(new ArticleQuery { Since = since, Until = since.AddDays(1) }).Count());
        Time(report, "last 7 days, theme standards (export)", () => store.Query(new ArticleQuery { Since = since.AddDays(-6), Until = since.AddDays(1), Themes = ["standards"] }).Count());
        Time(report, "first API page: theme standards, 50 rows", () => store.Query(new ArticleQuery { Themes = ["standards"], Limit = 50 }).Count());
        Time(report, "story", () => store.Query(new ArticleQuery { Story = story }).Count());
        Time(report, "FindByUrl × 100", () => Enumerable.Range(0, 100).Count(_ => store.FindByUrl(url) is not null));
        Time(report, "FindByUrl × 100 distinct (misses)", () => Enumerable.Range(0, 100).Count(i => store.FindByUrl(url + "?x=" + i.ToString(CultureInfo.InvariantCulture)) is not null));
        Time(report, "FindStoryCandidates, 1 key × 100", () => Enumerable.Range(0, 100).Sum(_ => store.FindStoryCandidates([key], since.AddDays(-3)).Count));
        return report.ToString();
    }

    private static void Plan(StringBuilder report, string name, ILiteQueryable<BsonDocument> query)
    {
        var plan = query.GetPlan();
        var index = plan.TryGetValue("index", out var i) ? JsonSerializer.Serialize(i) : "?";
        var order = plan.TryGetValue("orderBy", out var o) ? JsonSerializer.Serialize(o) : "index order";
        var lookup = plan.TryGetValue("lookup", out var l) ? JsonSerializer.Serialize(l) : "";
        report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | `{index}` | `{order}` | `{lookup}` |");
    }

    private static void Time(StringBuilder report, string name, Func<int> query)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = query();
        report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {rows:N0} | {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} |");
    }
}
