using LiteDB;
using NewsDesk.Stories;

namespace NewsDesk.Storage;

/// <summary>
/// What story matching reads, kept apart from the articles so that matching never reads a whole article:
/// <list type="bullet">
/// <item>"story_members" in the store: per article its date, story and signature (a few KB, where the article with
/// its text is tens), and its story keys.</item>
/// <item>the keys themselves in memory (<see cref="StoryKeyPostings"/>), loaded from the members the first time
/// matching asks, for the dates it asks about: "which articles of the last few days share these keys?"</item>
/// </list>
/// Earlier layouts (keys in the articles; then keys as documents of their own) are rebuilt from the articles once,
/// when a store opens (<see cref="LiteDbNewsStore"/>). Every call runs under the store's gate.
/// </summary>
internal sealed class StoryIndex
{
    private const int Version = 4;
    private const string MarkerId = "$index";

    /// <summary>
    /// Articles read per key. A key that more articles of the window share than this says little about which story
    /// an article tells, and reading all of them made matching grow with the window. The most recently stored are read.
    /// </summary>
    internal const int MaxPerKey = 200;

    /// <summary>How far back from the newest article the keys are held in memory (and re-indexed when a store is upgraded): the longest story window is 30 days.</summary>
    internal static readonly TimeSpan Held = TimeSpan.FromDays(31);

    private static readonly BsonExpression CandidateFields = BsonExpression.Create("{ _id: $._id, D: $.D, U: $.U, S: $.S, G: $.G }");

    /// <summary>Members held in memory for matching (<see cref="RecentStoryMembers"/>): a few days of a busy store.</summary>
    internal const int RecentCapacity = 2048;

    private readonly LiteDatabase _db;
    private readonly RecentStoryMembers _recent = new(RecentCapacity);
    private ILiteCollection<BsonDocument> _members;

    // Null until matching first asks, and again after a rolled-back transaction (the store calls Forget), since
    // it may hold keys that were never committed.
    private StoryKeyPostings? _postings;

    // The oldest date matching has asked about since the postings were last compacted: what they must keep.
    private DateTime _oldestAsked = DateTime.MaxValue;

    public StoryIndex(LiteDatabase db)
    {
        _db = db;
        _members = Open(db);
    }

    /// <summary>False until the index has been built in this layout (a new store, or an older one rebuilt).</summary>
    public bool IsCurrent => _members.FindById(MarkerId) is { } marker && marker["V"] == Version;

    /// <summary>Drops the index in whatever layout it has, ready to be built again.</summary>
    public void Reset()
    {
        _db.DropCollection("story_keys");
        _db.DropCollection("story_members");
        _members = Open(_db);
        _postings = null;
        _recent.Clear();
    }

    public void MarkBuilt() => _members.Upsert(new BsonDocument { ["_id"] = MarkerId, ["V"] = Version });

    /// <summary>Forgets the keys held in memory: a transaction that changed them was rolled back. They are loaded again when needed.</summary>
    public void Forget()
    {
        _postings = null;
        _recent.Clear();
    }

    /// <summary>Copies this index into <paramref name="target"/>, a new store's (`db backup`), keeping its one marker.</summary>
    public void CopyTo(StoryIndex target) => target._members.Upsert(_members.FindAll());

    /// <summary>Indexes <paramref name="article"/> in place of what it had; <paramref name="isNew"/> saves looking for that.</summary>
    public void Put(Article article, bool isNew)
    {
        if (!isNew)
        {
            Remove(article.Id);
        }

        if (article.StorySignature is not null && article.StoryKeys.Length > 0)
        {
            var storyId = article.StoryId ?? article.Id;
            var undated = article.Published is null;
            Add(article.Id, article.EffectiveDate.UtcDateTime, undated, storyId, _db.Mapper.ToDocument(article.StorySignature), article.StoryKeys);
            // The next articles of its story are likely to come soon: matching finds it here.
            _recent.Set(new StoryCandidate(article.Id, storyId, undated ? null : Utc(article.EffectiveDate.UtcDateTime), article.StorySignature));
        }
    }

    /// <summary>
    /// Indexes an article as stored (raw BSON of any schema version): used when the index is rebuilt. An
    /// <paramref name="undated"/> article (no published date) is held under <paramref name="date"/>, its ingest time,
    /// so the date index still bounds what is loaded, but matching sees it undated, as `cluster` sees a report without a date.
    /// </summary>
    public void Add(string articleId, DateTime date, bool undated, string storyId, BsonDocument signature, IEnumerable<string> keys)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        var utc = date.ToUniversalTime();
        _recent.Remove(articleId);
        _members.Insert(new BsonDocument
        {
            ["_id"] = articleId,
            ["D"] = utc,
            ["U"] = undated,
            ["S"] = storyId,
            ["G"] = signature,
            ["K"] = new BsonArray(distinct.Select(k => new BsonValue(k))),
        });
        _postings?.Add(articleId, utc, distinct);
    }

    public void Remove(string articleId)
    {
        _postings?.Remove(articleId);
        _recent.Remove(articleId);
        _members.Delete(articleId);
    }

    /// <summary>Moves the members of story <paramref name="from"/> into <paramref name="into"/>.</summary>
    public void MergeStory(string from, string into)
    {
        _recent.MergeStory(from, into);
        _members.UpdateMany(BsonExpression.Create("{ S: @0 }", into), BsonExpression.Create("$.S = @0", from));
    }

    /// <summary>
    /// Articles dated from <paramref name="since"/> on that share at least one key, those sharing most first, at most
    /// <paramref name="limit"/>: enough for any real story, and a bound on the work when a key is common. With no
    /// <paramref name="since"/> (an undated report), those held in memory (<see cref="HeldKeys"/>).
    /// </summary>
    public List<StoryCandidate> Candidates(IReadOnlyCollection<string> keys, DateTimeOffset? since, int limit)
    {
        var shared = since is { } from ? SharedKeys(keys, from.UtcDateTime) : HeldKeys(keys);
        var ranked = shared
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(limit)
            .Select(p => p.Key).ToList();
        if (ranked.Count == 0)
        {
            return [];
        }

        // The recent ones from memory, the others in one query, without their keys: forty look-ups by id, each
        // reading the whole member, were nine tenths of the time a match took (`bench stories`).
        var found = new Dictionary<string, StoryCandidate>(ranked.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var article in ranked)
        {
            if (_recent.TryGet(article, out var member))
            {
                found[article] = member;
            }
            else
            {
                missing.Add(article);
            }
        }

        if (missing.Count > 0)
        {
            var read = _members.Query()
                .Where(BsonExpression.Create("$._id IN @0", new BsonArray(missing.Select(id => new BsonValue(id)))))
                .Select(CandidateFields)
                .ToList();
            foreach (var document in read)
            {
                var date = document["U"].IsBoolean && document["U"].AsBoolean ? (DateTimeOffset?)null : Utc(document["D"].AsDateTime);
                var member = new StoryCandidate(document["_id"].AsString, document["S"].AsString, date, _db.Mapper.ToObject<StorySignature>(document["G"].AsDocument));
                found[member.Id] = member;
                _recent.Set(member);
            }
        }

        return [.. ranked.Where(found.ContainsKey).Select(article => found[article])];
    }

    /// <summary>A member's date as the store gives it back: UTC, to the millisecond (what LiteDB keeps).</summary>
    private static DateTimeOffset Utc(DateTime date)
    {
        var utc = date.ToUniversalTime();
        return new DateTimeOffset(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond)), TimeSpan.Zero);
    }

    /// <summary>
    /// Loads the keys of every article dated from <paramref name="since"/> on, if they are not in memory yet. Call it
    /// outside a transaction: inside one, LiteDB would hold every page read until the transaction ends.
    /// </summary>
    public void Prepare(DateTimeOffset since) => Postings(since.UtcDateTime);

    /// <summary>Per article dated from <paramref name="from"/> on, how many of <paramref name="keys"/> it shares.</summary>
    private Dictionary<string, int> SharedKeys(IReadOnlyCollection<string> keys, DateTime from)
    {
        var postings = Postings(from);
        var shared = postings.Shared(keys, from, MaxPerKey);
        if (from < postings.From)
        {
            // A report dated well before what is held (a back-dated or very late item): the days after it are read
            // for this one match and not kept, and only as far as Held × 2, so one item dated years back does not
            // bring years of keys into memory. Articles dated later than that are too far apart to be its story.
            var older = new StoryKeyPostings(from);
            var until = postings.From < from + (2 * Held) ? postings.From : from + (2 * Held);
            Load(older, from, until);
            foreach (var (article, count) in older.Shared(keys, from, MaxPerKey))
            {
                // An article on the boundary can be in both: it counts once.
                shared[article] = Math.Max(shared.GetValueOrDefault(article), count);
            }
        }

        return shared;
    }

    /// <summary>
    /// For an undated report, which has no date to bound a look-up by: per article whose keys are held in memory, how
    /// many of <paramref name="keys"/> it shares. Those are the articles dated up to <see cref="Held"/> before the
    /// newest, any range a back-dated report brought in since, and back-dated articles stored since the keys were last
    /// compacted (<see cref="StoryKeyPostings.Add"/>). So the look-up never reads keys from the store, however old
    /// the store, and at most <see cref="MaxPerKey"/> articles per key.
    /// </summary>
    private Dictionary<string, int> HeldKeys(IReadOnlyCollection<string> keys)
    {
        if (_postings is null)
        {
            if (NewestDate(DateTime.MinValue, DateTime.MaxValue) is not { } newest)
            {
                return [];
            }

            Postings(newest > DateTime.MinValue + Held ? newest - Held : DateTime.MinValue);
        }

        return _postings!.Shared(keys, DateTime.MinValue, MaxPerKey);
    }

    /// <summary>Where the keys held in memory start (null until matching first asks).</summary>
    internal DateTime? HeldFrom => _postings?.From;

    /// <summary>
    /// The keys in memory: every article dated from <see cref="StoryKeyPostings.From"/> on. That starts at most
    /// <see cref="Held"/> before the newest article stored, and moves back at most <see cref="Held"/> at a time.
    /// </summary>
    private StoryKeyPostings Postings(DateTime from)
    {
        if (_postings is null)
        {
            var until = NewestDate(DateTime.MinValue, DateTime.MaxValue)?.AddTicks(1) ?? from;
            var start = from < until - Held ? until - Held : from;
            _postings = new StoryKeyPostings(start);
            _oldestAsked = start;
            Load(_postings, start, until);
        }
        else if (from < _postings.From && from >= _postings.From - Held)
        {
            var until = _postings.From;
            _postings.ExtendBackTo(from);
            Load(_postings, from, until);
        }
        else if (_postings.WorthCompacting)
        {
            // What matching stopped asking about goes: it asks about a sliding window, and a late report dated
            // further back is loaded again when it comes.
            _postings.Compact(_oldestAsked);
            _oldestAsked = from;
        }

        var asked = from > _postings.From ? from : _postings.From;
        _oldestAsked = asked < _oldestAsked ? asked : _oldestAsked;
        return _postings;
    }

    /// <summary>
    /// Adds the members dated from <paramref name="from"/> to <paramref name="until"/>, newest first, one day per query
    /// (LiteDB keeps every page a query reads until it ends), jumping over days with none.
    /// </summary>
    private void Load(StoryKeyPostings postings, DateTime from, DateTime until)
    {
        for (var end = until; end > from;)
        {
            var start = end - TimeSpan.FromDays(1) < from ? from : end - TimeSpan.FromDays(1);
            var day = _members.Query()
                // One BETWEEN, so the date index bounds the scan at both ends; a member on the boundary is read
                // twice and added once.
                .Where(BsonExpression.Create("$.D BETWEEN @0 AND @1", start, end))
                .Select(BsonExpression.Create("{ A: $._id, D: $.D, K: $.K }"))
                .ToList();
            foreach (var doc in day)
            {
                postings.Add(doc["A"].AsString, doc["D"].AsDateTime.ToUniversalTime(), doc["K"].AsArray.Select(k => k.AsString));
            }

            end = start;
            if (day.Count == 0 && end > from)
            {
                // Jump to the next date down that has a member.
                if (NewestDate(from, end) is not { } next)
                {
                    break;
                }

                end = next.AddTicks(1);
            }
        }
    }

    /// <summary>The newest member date from <paramref name="from"/> to <paramref name="until"/>, from the date index alone (the marker document has none).</summary>
    private DateTime? NewestDate(DateTime from, DateTime until)
    {
        var newest = _members.Query().Where(BsonExpression.Create("$.D BETWEEN @0 AND @1", from, until))
            .OrderByDescending("$.D").Select(BsonExpression.Create("$.D")).Limit(1).FirstOrDefault();
        return newest is not null && newest["D"].IsDateTime ? newest["D"].AsDateTime.ToUniversalTime() : null;
    }

    private static ILiteCollection<BsonDocument> Open(LiteDatabase db)
    {
        var members = db.GetCollection("story_members");
        members.EnsureIndex("story", "$.S");
        members.EnsureIndex("date", "$.D");
        return members;
    }
}
