using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Parsing;

/// <summary>
/// The id of an entry that has neither guid/atom:id nor link: a hash of what identifies it, so the same
/// entry keeps the same id across polls and storage can still de-duplicate it.
/// </summary>
internal static class EntryIds
{
    public static string Fallback(string? title, string? body, DateTimeOffset? date)
    {
        var key = $"{title}\n{body}\n{date?.UtcDateTime:O}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "urn:newsdesk:entry:" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
