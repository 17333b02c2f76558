using System.Globalization;

namespace NewsDesk.Digests;

/// <summary>The line under a digest entry's headline (source, "government source", publication time), the same in every format.</summary>
internal static class EntryMeta
{
    /// <summary>The parts in order; <paramref name="escape"/> makes the source's name safe for the format.</summary>
    public static List<string> Parts(DigestEntry entry, Func<string, string> escape)
    {
        var meta = new List<string> { escape(entry.Source ?? new Uri(entry.Url).Host) };
        if (entry.SourceKind == "government")
        {
            meta.Add("government source");
        }

        if (entry.Published is { } published)
        {
            meta.Add(published.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        return meta;
    }
}
