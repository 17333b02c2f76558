using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>The address a digest links an article with.</summary>
internal static class ArticleLink
{
    /// <summary>
    /// The page's stable address (<see cref="Article.Link"/>, its canonical link as the pipeline accepted it); otherwise
    /// the address it was fetched from. Checked again here as an absolute http(s) URL, since the store is read as it
    /// stands.
    /// </summary>
    public static string For(Article article) => IsWebLink(article.Link) ? article.Link! : article.Url;

    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
