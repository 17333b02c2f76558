using System.Globalization;
using LiteDB;
using NewsDesk.Stories;

namespace NewsDesk.Storage;

/// <summary>
/// What story matching reads, kept apart from the articles so that matching never reads a whole article:
/// <list type="bullet">
/// <item>"story_keys": one id-only document per story key and article, <c>key|yyyyMMddHHmmss|articleId</c>. Story
/// matching asks "which articles of the last few days share these keys?"; a range of the primary key answers it, so
/// its cost depends on the window, not on the size of the store, and a key costs one index entry to write.</item>
/// <item>"story_members": per article its date, story and signature (a few KB, where the article with its text is
/// tens), and its keys, so they can be removed when it changes.</item>
/// </list>
/// Earlier layouts (keys in the articles; then keys with two secondary indexes) are rebuilt from the articles once,
/// when a store opens (<see cref="NewsStore"/>).
/// </summary>
internal sealed class StoryIndex
{
    private const int Version = 2;
    private const string DateFormat = "yyyyMMddHHmmss";
    private const string MaxDate = "99999999999999";
    private const string MarkerId = "$index";

    /// <summary>
    /// Index entries read per key. A key that more articles of the window share than this says little about which
    /// story an article tells, and reading all of them made matching grow with the window (and a transaction hold
    /// every page read). The newest entries are the ones read.
    /// </summary>
    internal const int MaxPerKey = 200;

    private static readonly BsonExpression IdOnly = BsonExpression.Create("$._id");

    private readonly LiteDatabase _db;
    private ILiteCollection<BsonDocument> _keys;
    private ILiteCollection<BsonDocument> _members;

    public StoryIndex(LiteDatabase db)
    {
        _db = db;
        (_keys, _members) = Open(db);
    }

    /// <summary>False until the index has been built in this layout (a new store, or an older one rebuilt).</summary>
    public bool IsCurrent => _members.FindById(MarkerId) is { } marker && marker["V"] == Version;

    /// <summary>Drops the index in whatever layout it has, ready to be built again.</summary>
    public void Reset()
    {
        _db.DropCollection("story_keys");
        _db.DropCollection("story_members");
        (_keys, _members) = Open(_db);
    }

    public void MarkBuilt() => _members.Upsert(new BsonDocument { ["_id"] = MarkerId, ["V"] = Version });

    /// <summary>Copies this index into <paramref name="target"/>, a new store's (`db backup`), keeping its one marker.</summary>
    public void CopyTo(StoryIndex target)
    {
        target._members.Upsert(_members.FindAll());
        target._keys.InsertBulk(_keys.FindAll());
    }

    /// <summary>Indexes <paramref name="article"/> in place of what it had; <paramref name="isNew"/> saves looking for that.</summary>
    public void Put(Article article, bool isNew)
    {
        if (!isNew)
        {
            Remove(article.Id);
        }

        if (article.StorySignature is not null && article.StoryKeys.Length > 0)
        {
            Add(article.Id, article.EffectiveDate.UtcDateTime, article.StoryId ?? article.Id, _db.Mapper.ToDocument(article.StorySignature), article.StoryKeys);
        }
    }

    /// <summary>Indexes an article as stored (raw BSON of any schema version): used when the index is rebuilt.</summary>
    public void Add(string articleId, DateTime date, string storyId, BsonDocument signature, IEnumerable<string> keys)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        var day = date.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture);
        _members.Insert(new BsonDocument
        {
            ["_id"] = articleId,
            ["D"] = date,
            ["S"] = storyId,
            ["G"] = signature,
            ["K"] = new BsonArray(distinct.Select(k => new BsonValue(k))),
        });
        _keys.InsertBulk(distinct.Select(key => new BsonDocument { ["_id"] = KeyId(key, day, articleId) }));
    }

    public void Remove(string articleId)
    {
        if (_members.FindById(articleId) is not { } member)
        {
            return;
        }

        var day = member["D"].AsDateTime.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture);
        foreach (var key in member["K"].AsArray)
        {
            _keys.Delete(KeyId(key.AsString, day, articleId));
        }

        _members.Delete(articleId);
    }

    /// <summary>Moves the members of story <paramref name="from"/> into <paramref name="into"/>.</summary>
    public void MergeStory(string from, string into) =>
        _members.UpdateMany(BsonExpression.Create("{ S: @0 }", into), BsonExpression.Create("$.S = @0", from));

    /// <summary>
    /// Articles dated from <paramref name="since"/> on that share at least one key, those sharing most first, at most
    /// <paramref name="limit"/>: enough for any real story, and a bound on the work when a key is common.
    /// </summary>
    public List<StoryCandidate> Candidates(IReadOnlyCollection<string> keys, DateTimeOffset since, int limit)
    {
        var from = since.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            // Dates are fixed-width digits, so [key|from, key|99999999999999] holds every date of this key from
            // `since` on. LiteDB compares strings by collation, not ordinally, so the range can hold other keys too;
            // the exact check below keeps only this one.
            var prefix = key + "|";
            var range = BsonExpression.Create("$._id BETWEEN @0 AND @1", prefix + from, prefix + MaxDate);
            // Newest first, from the index alone (only _id is read, so LiteDB loads no document), and at most
            // MaxPerKey of them: the cost of a key is bounded however common it is.
            var newest = _keys.Query().Where(range).OrderByDescending("$._id").Select(IdOnly).Limit(MaxPerKey);
            foreach (var doc in newest.ToEnumerable())
            {
                var id = doc["_id"].AsString;
                var articleStart = prefix.Length + DateFormat.Length + 1;
                if (id.Length <= articleStart || !id.StartsWith(prefix, StringComparison.Ordinal) || id[articleStart - 1] != '|'
                    || string.CompareOrdinal(id, prefix.Length, from, 0, DateFormat.Length) < 0)
                {
                    continue;
                }

                var article = id[articleStart..];
                shared[article] = shared.GetValueOrDefault(article) + 1;
            }
        }

        var candidates = new List<StoryCandidate>(Math.Min(shared.Count, limit));
        foreach (var (article, _) in shared.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit))
        {
            if (_members.FindById(article) is { } member)
            {
                var date = new DateTimeOffset(member["D"].AsDateTime.ToUniversalTime(), TimeSpan.Zero);
                candidates.Add(new StoryCandidate(article, member["S"].AsString, date, _db.Mapper.ToObject<StorySignature>(member["G"].AsDocument)));
            }
        }

        return candidates;
    }

    private static string KeyId(string key, string day, string articleId) => key + "|" + day + "|" + articleId;

    private static (ILiteCollection<BsonDocument> Keys, ILiteCollection<BsonDocument> Members) Open(LiteDatabase db)
    {
        var keys = db.GetCollection("story_keys");
        var members = db.GetCollection("story_members");
        members.EnsureIndex("story", "$.S");
        return (keys, members);
    }
}
