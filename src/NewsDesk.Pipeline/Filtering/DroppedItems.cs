using System.Collections.Concurrent;

namespace NewsDesk.Filtering;

/// <summary>
/// Items a rule dropped after their page was fetched (keep rules, themes, language), by URL and entry fingerprint, so the
/// worker does not fetch them again while the entry is unchanged. Rules are read at start, so what this remembers stays
/// true for the life of the process; a changed entry (new fingerprint) is judged again. Bounded: past
/// <see cref="Capacity"/> it starts afresh, which costs a fetch per remembered item, never a wrong decision.
/// </summary>
public sealed class DroppedItems
{
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, (string Fingerprint, string Rule)> _items = new(StringComparer.Ordinal);

    public void Add(string url, string fingerprint, string rule)
    {
        if (_items.Count >= Capacity)
        {
            _items.Clear();
        }

        _items[url] = (fingerprint, rule);
    }

    /// <returns>The rule that dropped this unchanged entry, or null.</returns>
    public string? RuleFor(string url, string fingerprint) =>
        _items.TryGetValue(url, out var item) && item.Fingerprint == fingerprint ? item.Rule : null;
}
