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
/// page's own origin (scheme, host and port), or https on a public-looking name (with a dot, not localhost or a name
/// that only resolves inside a network: .local, .internal, .lan, .home.arpa...): never an IP address or such a name on
/// another origin, which would send an editor who clicks it to a machine of their own network. International names are
/// kept in their ASCII (punycode) form, so a look-alike of a known site is not shown as that site.
/// </remarks>
public static class StableLink
{
    public const int MaxLength = 2048;

    // Names that only mean something inside a network: single-label names are refused as well ("intranet").
    private static readonly string[] Private = [".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet", ".corp"];

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

        // The ASCII form of the name (punycode for an international one, so a look-alike shows as what it is), without
        // the trailing dot that would let "localhost." pass for a public name.
        var host = url.IdnHost.TrimEnd('.');
        var sameOrigin = string.Equals(url.Scheme, page.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(host, page.IdnHost.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            && url.Port == page.Port;
        var namedHttps = url.Scheme == Uri.UriSchemeHttps && url.HostNameType == UriHostNameType.Dns
            && !IPAddress.TryParse(host, out _)
            && host.Contains('.', StringComparison.Ordinal)
            && !Private.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || host.Equals(suffix[1..], StringComparison.OrdinalIgnoreCase));
        return sameOrigin || namedHttps ? ArticleIdentity.Canonicalize(new UriBuilder(url) { Host = host }.Uri) : null;
    }
}
