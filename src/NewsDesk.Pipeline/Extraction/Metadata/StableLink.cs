using System.Net;
using NewsDesk.Pipeline;

namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// Whether a page's canonical URL can stand for the article in a digest, in place of the address it was fetched
/// from (which may be a mirror, a tracking redirect's target or a temporary server, as in the demo).
/// </summary>
/// <remarks>
/// The canonical is the page's own word, so a hostile page could name any address. It is taken only when it is an
/// absolute http(s) URL without user name or password, at most <see cref="MaxLength"/> characters, and either on the
/// page's own origin (scheme, host and port), or https on a named host: never an IP address or localhost on another
/// origin, which would send an editor who clicks it to a machine of their own network.
/// </remarks>
public static class StableLink
{
    public const int MaxLength = 2048;

    /// <returns>The canonical URL in the form <see cref="ArticleIdentity.Canonicalize"/> gives, or null when it is not taken.</returns>
    public static string? From(string? canonical, Uri page)
    {
        if (string.IsNullOrWhiteSpace(canonical) || canonical.Length > MaxLength
            || !Uri.TryCreate(canonical.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.UserInfo.Length > 0 || url.Host.Length == 0)
        {
            return null;
        }

        var sameOrigin = string.Equals(url.Scheme, page.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.Host, page.Host, StringComparison.OrdinalIgnoreCase)
            && url.Port == page.Port;
        var namedHttps = url.Scheme == Uri.UriSchemeHttps && url.HostNameType == UriHostNameType.Dns
            && !IPAddress.TryParse(url.Host, out _)
            && !url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && !url.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        return sameOrigin || namedHttps ? ArticleIdentity.Canonicalize(url) : null;
    }
}
