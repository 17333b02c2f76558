using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiteDB;
using NewsDesk.Storage;

namespace NewsDesk.Benchmarking;

/// <summary>
/// `bench queries`: on an existing store (e.g. from `bench seed`), LiteDB's plan for each query shape behind the
/// digest, export, the read API and ingest (built with the same expressions ArticleQueryRunner and LiteDbNewsStore use),
/// then the time and row count of each through the real LiteDbNewsStore.
/// </summary>
internal static class QueryPlanBenchmark
{
    public static string Run(string database)
    {
        var c = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        DateTime newest;
        string url, hash, story, key;
        using (var db = new LiteDatabase(new ConnectionString { Filename = database, Connection = ConnectionType.Direct, ReadOnly = true }))
        {
            var articles = db.GetCollection("articles");
            var count = articles.Count();
            var last = articles.Query().OrderByDescending("$.EffectiveDate").Limit(1).First();
            newest = last["EffectiveDate"].AsDateTime.ToUniversalTime();
            url = last["Url"].AsString;
            hash = last["ContentHash"].AsString;
            story = last["StoryId"].AsString;
            key = last["StoryKeys"].AsArray.FirstOrDefault()?.AsString ?? "none";
            var day = newest.Date;
            report.AppendLine(c, $"bench queries: {count:N0} articles in {database}; newest day {day:yyyy-MM-dd}");
            report.AppendLine("| query (used by) | index used (LiteDB plan) | order | lookups |");
            report.AppendLine("|---|---|---|---|");
            // The shapes ArticleQueryRunner sends: one BETWEEN on a date index per 200-row chunk; every other filter but
            // story is checked on the rows of the walk.
            Plan(report, "day's articles in date order (digest, API ?date, export --since/--until), one chunk", articles.Query()
                .Where(BsonExpression.Create("$.EffectiveDate BETWEEN @0 AND @1", new BsonValue(day), new BsonValue(day.AddDays(1)))).OrderBy("$.EffectiveDate").Limit(200));
            Plan(report, "ingested range (export --date-field ingested), one chunk", articles.Query()
                .Where(BsonExpression.Create("$.Ingested BETWEEN @0 AND @1", new BsonValue(day), new BsonValue(day.AddDays(1)))).OrderBy("$.Ingested").Limit(200));
            Plan(report, "no date bound (export, API theme=/feed=/q=), one chunk", articles.Query()
                .Where(BsonExpression.Create("$.EffectiveDate BETWEEN @0 AND @1", BsonValue.MinValue, BsonValue.MaxValue)).OrderBy("$.EffectiveDate").Limit(200));
            Plan(report, "story (API story=, digest merge)", articles.Query().Where(BsonExpression.Create("$.StoryId = @0", story)));
            Plan(report, "URL look-up (ingest, each entry)", articles.Query().Where(BsonExpression.Create("$.Url = @0", url)));
            Plan(report, "content hash look-up (ingest, re-published items)", articles.Query().Where(BsonExpression.Create("$.ContentHash = @0", hash)));
            // Story keys are held in memory (StoryKeyPostings); they are loaded from the members one day at a time.
            Plan(report, "story members of one day (story keys loaded into memory)", db.GetCollection("story_members").Query()
                .Where(BsonExpression.Create("$.D BETWEEN @0 AND @1", new BsonValue(day), new BsonValue(day.AddDays(1)))));
            // Candidates not among the recently stored members held in memory (RecentStoryMembers) are read by id, in one query.
            Plan(report, "story candidates by id (those not held in memory)", db.GetCollection("story_members").Query()
                .Where(BsonExpression.Create("$._id IN @0", new BsonArray(new BsonValue(last["_id"].AsString), new BsonValue(story)))));
        }

        using var store = new LiteDbNewsStore(database);
        var since = new DateTimeOffset(newest.Date, TimeSpan.Zero);
        report.AppendLine();
        report.AppendLine("| query through LiteDbNewsStore | rows | time ms |");
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

    private static void Plan(StringBuilder report, string name, ILiteQueryableResult<BsonDocument> query)
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
