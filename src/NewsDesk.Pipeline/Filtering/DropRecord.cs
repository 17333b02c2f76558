using System.Text.Json;

namespace NewsDesk.Filtering;

/// <summary>
/// One feed's drops as stored (the named record "dropped:FEED"): how many items each rule dropped, and the most recent
/// <see cref="Capacity"/> dropped items by URL with their entry fingerprint. Past the bound the oldest are forgotten,
/// which costs one fetch of such an item if its entry comes back, never a wrong decision.
/// </summary>
public sealed class DropRecord
{
    public const int Capacity = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Items dropped, per rule (<see cref="FilterRule.Describe"/>), since the feed was first polled with rules.</summary>
    public SortedDictionary<string, int> Counts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Oldest first.</summary>
    public List<DroppedItem> Items { get; set; } = [];

    public static string NameFor(string feedId) => "dropped:" + feedId;

    public static DropRecord Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new DropRecord();
        }

        try
        {
            return JsonSerializer.Deserialize<DropRecord>(value, Json) ?? new DropRecord();
        }
        catch (JsonException)
        {
            // Unreadable (another version's): its drops are judged again, and counted afresh.
            return new DropRecord();
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public string? RuleFor(string url, string fingerprint) =>
        Items.FindLast(i => i.Url == url) is { } item && item.Fingerprint == fingerprint ? item.Rule : null;

    /// <returns>False when the entry is recorded already, unchanged and by the same rule (nothing to save).</returns>
    public bool Add(string url, string fingerprint, string rule)
    {
        var index = Items.FindIndex(i => i.Url == url);
        if (index >= 0 && Items[index].Fingerprint == fingerprint && Items[index].Rule == rule)
        {
            return false;
        }

        if (index >= 0)
        {
            Items.RemoveAt(index);
        }
        else
        {
            // A changed entry dropped again is the same item: counted once.
            Counts[rule] = Counts.GetValueOrDefault(rule) + 1;
        }

        Items.Add(new DroppedItem(url, fingerprint, rule));
        if (Items.Count > Capacity)
        {
            Items.RemoveRange(0, Items.Count - Capacity);
        }

        return true;
    }

    public int Total => Counts.Values.Sum();
}
