using System.Diagnostics.CodeAnalysis;

namespace NewsDesk.Feeds;

/// <summary>What counts as a feed URL, and when two of them are the same feed.</summary>
public static class FeedUrls
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) || parsed.Host.Length == 0)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    /// <summary>
    /// Same URL after the normalisation every client applies (scheme and host case, default port, escaping); the
    /// fragment is ignored because it is never sent. Query strings count: they often select a different feed.
    /// </summary>
    public static bool Same(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

    public static FeedDefinition? FindSame(IEnumerable<FeedDefinition> feeds, Uri url) => feeds.FirstOrDefault(f => Same(f.Url, url));
}
