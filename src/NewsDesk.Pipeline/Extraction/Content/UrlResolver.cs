namespace NewsDesk.Extraction.Content;

/// <summary>
/// Makes link and image URLs absolute against the page's base and keeps only http(s) and mailto, so no
/// javascript:, data: or other scheme reaches the cleaned HTML. Called by the renderer for the links and
/// images of the article only: resolving every URL of the page while building the tree cost more than the
/// rest of the build, and most of them sit in navigation that is pruned anyway.
/// </summary>
internal sealed class UrlResolver(Uri? baseUri)
{
    public string? Resolve(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        // On Unix "/path" parses as an absolute file: URI, so only an explicit scheme counts as absolute here.
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            return absolute.Scheme is "http" or "https" or "mailto" ? absolute.ToString() : null;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, url, out var resolved) && resolved.Scheme is "http" or "https" ? resolved.ToString() : null;
    }
}
