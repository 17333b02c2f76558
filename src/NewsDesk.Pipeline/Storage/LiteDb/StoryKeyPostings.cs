using NewsDesk.Stories;

namespace NewsDesk.Storage;

/// <summary>
/// Story keys in memory: for each key, the articles that have it, most recently stored first. It holds every
/// article dated from <see cref="From"/> on, and nothing older but back-dated articles stored since the last compaction; <see cref="StoryIndex"/> loads older ranges from
/// the store when matching asks for them, and drops what matching has stopped asking for.
/// <para>
/// Why not LiteDB: an article has about 50 keys, each one a random insert into a skip list. A group commit of 64
/// articles touched thousands of index pages, LiteDB holds every page a transaction touches until it ends, and its
/// page cache never gives memory back, so the worker grew with the size of the key index (docs/benchmarks/performance.md).
/// Here a key costs 8 bytes per article plus about 30 per distinct key, and a lookup never touches the disk.
/// </para>
/// Not thread-safe: the store calls it under its gate.
/// </summary>
internal sealed class StoryKeyPostings
{
    private readonly Dictionary<ulong, int> _newest = [];
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);
    private string?[] _ids = new string?[256];
    private long[] _dates = new long[256];
    private int _articles;
    private int[] _entryArticle = new int[4096];
    private int[] _entryNext = new int[4096];
    private int _entries;
    private int _liveAtLastCompaction;

    public StoryKeyPostings(DateTime from) => From = from;

    /// <summary>Every article dated from here on is held (UTC).</summary>
    public DateTime From { get; private set; }

    /// <summary>Articles held, removed ones included until the next <see cref="Compact"/>.</summary>
    public int Slots => _articles;

    /// <summary>
    /// Holds <paramref name="articleId"/> under <paramref name="keys"/>, in place of what it had. An article older than
    /// <see cref="From"/> (only a back-dated one just stored is) is held too, until the next <see cref="Compact"/>:
    /// an undated report that comes after it in the same run must find it, as `cluster` would, whatever the order.
    /// </summary>
    public void Add(string articleId, DateTime date, IEnumerable<string> keys)
    {
        Remove(articleId);
        var slot = NewSlot(articleId, date);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var hash = StableHash.Of(key);
            var entry = NewEntry(slot);
            _entryNext[entry] = _newest.TryGetValue(hash, out var head) ? head : -1;
            _newest[hash] = entry;
        }
    }

    public void Remove(string articleId)
    {
        if (_slotOf.Remove(articleId, out var slot))
        {
            _ids[slot] = null;
        }
    }

    /// <summary>Holds everything dated from <paramref name="from"/> on; the caller adds what lies between it and the old <see cref="From"/>.</summary>
    public void ExtendBackTo(DateTime from) => From = from < From ? from : From;

    /// <summary>
    /// Counts, per article dated from <paramref name="since"/> on, how many of <paramref name="keys"/> it shares,
    /// reading at most <paramref name="perKey"/> articles per key (the most recently stored).
    /// </summary>
    public Dictionary<string, int> Shared(IEnumerable<string> keys, DateTime since, int perKey)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        var sinceTicks = since.Ticks;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (!_newest.TryGetValue(StableHash.Of(key), out var entry))
            {
                continue;
            }

            for (var read = 0; entry >= 0 && read < perKey; entry = _entryNext[entry])
            {
                var slot = _entryArticle[entry];
                if (_ids[slot] is { } id && _dates[slot] >= sinceTicks)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                    read++;
                }
            }
        }

        return shared;
    }

    /// <summary>True once removed and out-of-range articles take as many slots as the live ones did at the last compaction.</summary>
    public bool WorthCompacting => _articles > 2 * Math.Max(1024, _liveAtLastCompaction);

    /// <summary>Drops removed articles and those dated before <paramref name="from"/>, which becomes <see cref="From"/>; keeps each key's order.</summary>
    public void Compact(DateTime from)
    {
        From = from > From ? from : From;
        var fromTicks = From.Ticks;
        var newSlot = new int[_articles];
        var live = 0;
        for (var slot = 0; slot < _articles; slot++)
        {
            if (_ids[slot] is { } id && _dates[slot] >= fromTicks)
            {
                newSlot[slot] = live;
                _ids[live] = id;
                _dates[live] = _dates[slot];
                _slotOf[id] = live;
                live++;
            }
            else
            {
                newSlot[slot] = -1;
                if (_ids[slot] is { } gone)
                {
                    _slotOf.Remove(gone);
                }
            }
        }

        Array.Clear(_ids, live, _articles - live);
        _articles = live;
        _liveAtLastCompaction = live;

        var oldArticle = _entryArticle;
        var oldNext = _entryNext;
        _entryArticle = new int[Math.Max(4096, _entries)];
        _entryNext = new int[_entryArticle.Length];
        _entries = 0;
        foreach (var hash in _newest.Keys.ToList())
        {
            var last = -1;
            for (var entry = _newest[hash]; entry >= 0; entry = oldNext[entry])
            {
                if (newSlot[oldArticle[entry]] is var slot and >= 0)
                {
                    var copy = NewEntry(slot);
                    _entryNext[copy] = -1;
                    if (last < 0)
                    {
                        _newest[hash] = copy;
                    }
                    else
                    {
                        _entryNext[last] = copy;
                    }

                    last = copy;
                }
            }

            if (last < 0)
            {
                _newest.Remove(hash);
            }
        }

        _newest.TrimExcess();
    }

    private int NewSlot(string articleId, DateTime date)
    {
        if (_articles == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _dates, _dates.Length * 2);
        }

        _ids[_articles] = articleId;
        _dates[_articles] = date.Ticks;
        _slotOf[articleId] = _articles;
        return _articles++;
    }

    private int NewEntry(int slot)
    {
        if (_entries == _entryArticle.Length)
        {
            Array.Resize(ref _entryArticle, _entryArticle.Length * 2);
            Array.Resize(ref _entryNext, _entryNext.Length * 2);
        }

        _entryArticle[_entries] = slot;
        return _entries++;
    }
}
