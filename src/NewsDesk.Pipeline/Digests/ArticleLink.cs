using NewsDesk.Storage;

namespace NewsDesk.Digests;

/// <summary>The address a digest links an article with.</summary>
internal static class ArticleLink
{
    /// <summary>
    /// The page's stable address, which its summary's sentences point to when the pipeline took the page's canonical
    /// link (Extraction/Metadata/StableLink); otherwise the address it was fetched from. Checked again here as an
    /// absolute http(s) URL, since the store is read as it stands.
    /// </summary>
    public static string For(Article article) =>
        article.Summary.Sentences.Select(s => s.SourceUrl).FirstOrDefault(IsWebLink) ?? article.Url;

    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
