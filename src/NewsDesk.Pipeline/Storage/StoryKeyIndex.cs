using System.Globalization;
using LiteDB;

namespace NewsDesk.Storage;

/// <summary>
/// The story keys of every article, one small document per key and article, indexed on key plus date. Story matching
/// asks "which articles of the last few days share these keys?": a range scan over this index answers it with tiny
/// documents, so its cost depends on the window, not on the size of the store. Looking the keys up in the articles
/// themselves read whole articles of every age (about 0.9 s per new article in `bench ingest`).
/// </summary>
internal sealed class StoryKeyIndex
{
    private const string DateFormat = "yyyyMMddHHmmss";
    private const string MaxDate = "99999999999999";
    private readonly ILiteCollection<BsonDocument> _keys;

    public StoryKeyIndex(LiteDatabase db)
    {
        _keys = db.GetCollection("story_keys");
        _keys.EnsureIndex("key_date", "$.KD");
        _keys.EnsureIndex("article", "$.A");
    }

    private const string BuiltMarker = "built";

    /// <summary>True until the index has been built or backfilled once (<see cref="MarkBuilt"/>).</summary>
    public bool IsEmpty => _keys.FindById(BuiltMarker) is null && _keys.Count() == 0;

    /// <summary>Records that the index is complete, so an older store is backfilled once, not at every open.</summary>
    public void MarkBuilt() => _keys.Upsert(new BsonDocument { ["_id"] = BuiltMarker });

    /// <summary>Replaces the keys of <paramref name="article"/> (none when it has no signature).</summary>
    public void Put(Article article) => Put(article.Id, article.EffectiveDate.UtcDateTime, article.StoryKeys);

    public void Put(string articleId, DateTime date, IEnumerable<string> keys)
    {
        Remove(articleId);
        var day = date.ToString(DateFormat, CultureInfo.InvariantCulture);
        _keys.InsertBulk(keys.Distinct(StringComparer.Ordinal).Select(key => new BsonDocument
        {
            ["KD"] = key + "|" + day,
            ["A"] = articleId,
        }));
    }

    public void Remove(string articleId) => _keys.DeleteMany(BsonExpression.Create("$.A = @0", articleId));

    /// <summary>
    /// Ids of articles dated from <paramref name="since"/> on that share at least one key, those sharing most first,
    /// at most <paramref name="limit"/>: enough for any real story, and a bound on the work when a key is common.
    /// </summary>
    public List<string> Candidates(IReadOnlyCollection<string> keys, DateTimeOffset since, int limit)
    {
        var from = since.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            // Dates are fixed-width digits, so [key|from, key|99999999999999] is every date of this key from `since`
            // on. The prefix check keeps the answer exact whatever collation LiteDB compares strings with.
            var prefix = key + "|";
            var range = BsonExpression.Create("$.KD BETWEEN @0 AND @1", prefix + from, prefix + MaxDate);
            foreach (var doc in _keys.Find(range))
            {
                var stored = doc["KD"].AsString;
                if (stored.Length != prefix.Length + DateFormat.Length || !stored.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var id = doc["A"].AsString;
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        }

        return [.. shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit).Select(p => p.Key)];
    }
}
