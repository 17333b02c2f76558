using System.Collections.Concurrent;
using NewsDesk.Storage;

namespace NewsDesk.Filtering;

/// <summary>
/// Items keep and drop rules took out, kept in the store per feed (<see cref="DropRecord"/>), so an item dropped after
/// its page was fetched (keep rules, themes, language, the page's text) is not fetched again while its entry is
/// unchanged, also after a restart; and each rule's count survives for `feeds list`. A remembered drop counts only while
/// the feed's rules still hold the rule that made it: after an edit of the rules, the item is judged again.
/// <para>
/// Each feed's record is read once per process and written when a new item is dropped. With several workers on one
/// PostgreSQL store a worker may miss a drop another made since it read the record: it then fetches the item once more,
/// and drops it again without counting it twice.
/// </para>
/// </summary>
public sealed class DroppedItems(INewsStore store)
{
    private readonly ConcurrentDictionary<string, DropRecord> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _locks = new(StringComparer.Ordinal);

    /// <summary>The feed's drops as stored, for `feeds list`.</summary>
    public static DropRecord Of(INewsStore store, string feedId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return DropRecord.Parse(store.GetRecord(DropRecord.NameFor(feedId)));
    }

    /// <returns>The rule that dropped this unchanged entry and is still one of <paramref name="rules"/>, or null.</returns>
    public string? RuleFor(string feedId, string url, string fingerprint, FilterRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var rule = Record(feedId).RuleFor(url, fingerprint);
        return rule is not null && rules.CanDrop(rule) ? rule : null;
    }

    /// <summary>Records that <paramref name="rule"/> dropped the entry; an entry already recorded as it is now is not counted again.</summary>
    public void Add(string feedId, string url, string fingerprint, string rule)
    {
        // The common case, an item a drop rule takes out at every poll: known already, nothing to read or write.
        if (Record(feedId).RuleFor(url, fingerprint) == rule)
        {
            return;
        }

        lock (_locks.GetOrAdd(feedId, _ => new object()))
        {
            // Read afresh: another worker on the same store may have added to it.
            var current = DropRecord.Parse(store.GetRecord(DropRecord.NameFor(feedId)));
            if (current.Add(url, fingerprint, rule))
            {
                store.SaveRecord(DropRecord.NameFor(feedId), current.Serialize());
            }

            _feeds[feedId] = current;
        }
    }

    private DropRecord Record(string feedId) =>
        _feeds.GetOrAdd(feedId, id => DropRecord.Parse(store.GetRecord(DropRecord.NameFor(id))));
}
