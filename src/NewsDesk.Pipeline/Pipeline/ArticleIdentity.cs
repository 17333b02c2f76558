using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Pipeline;

/// <summary>
/// How NewsDesk tells articles apart: the canonical URL (scheme and host lower-cased, fragment and tracking
/// parameters removed, query parameters sorted) and a stable id derived from it.
/// </summary>
public static class ArticleIdentity
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_", "mtm_", "hsa_", "oly_"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mkt_tok", "_hsenc", "_hsmi",
        "ref", "ref_src", "cmpid", "ncid", "ocid", "xtor", "at_medium", "at_campaign", "CMP", "s_cid", "smid", "sr_share",
    };

    public static string Canonicalize(Uri url)
    {
        var builder = new UriBuilder(url) { Fragment = "", Scheme = url.Scheme.ToLowerInvariant(), Host = url.Host.ToLowerInvariant() };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToArray();
        builder.Query = string.Join('&', kept);
        return builder.Uri.AbsoluteUri;
    }

    public static string IdFor(string canonicalUrl) => Hash(canonicalUrl)[..16];

    public static string Hash(params string?[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? ""))));
        return Convert.ToHexStringLower(bytes);
    }

    private static bool IsTracking(string name)
    {
        var decoded = Uri.UnescapeDataString(name);
        return TrackingNames.Contains(decoded) || TrackingPrefixes.Any(p => decoded.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
