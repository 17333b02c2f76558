using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsDesk.Extraction.Content;
using NewsDesk.Extraction.Decoding;
using NewsDesk.Extraction.Metadata;
using NewsDesk.Text;

namespace NewsDesk.Extraction;

/// <summary>
/// Extracts the main text, a cleaned HTML copy and the metadata of an article page. The page is
/// parsed once; everything after the parse works on a light copy of the body with text lengths
/// summed bottom-up, so no step re-reads large subtrees. AngleSharp types stay inside this folder.
/// </summary>
public sealed class ArticleExtractor
{
    /// <summary>
    /// Bytes of a page that are read. Article pages are far smaller; the cap, with <see cref="HtmlBounds"/>, keeps a
    /// 14 MB page from costing the process hundreds of megabytes (the parsed tree costs many times the text).
    /// </summary>
    public const int MaxPageBytes = 2 * 1024 * 1024;

    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = false, IsScripting = false };

    /// <summary>Extracts from a response body, decoding it with the HTTP charset, a BOM or &lt;meta charset&gt;.</summary>
    public ExtractedArticle Extract(byte[] body, string? contentType, Uri? pageUrl) => Extract(body, contentType, pageUrl, rule: null);

    /// <summary>As above, with the source's own <see cref="ExtractRule"/> tried before the generic extractor.</summary>
    public ExtractedArticle Extract(byte[] body, string? contentType, Uri? pageUrl, ExtractRule? rule)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return NotArticle("empty page");
        }

        if (!HtmlDecoder.IsHtml(body, contentType))
        {
            return NotArticle($"not HTML ({contentType ?? "binary content"})");
        }

        return Extract(HtmlDecoder.Decode(body, contentType, MaxPageBytes), pageUrl, rule);
    }

    /// <summary>Extracts from HTML that is already decoded.</summary>
    public ExtractedArticle Extract(string html, Uri? pageUrl) => Extract(html, pageUrl, rule: null);

    /// <summary>Extracts from HTML that is already decoded, with the source's own rule when it has one.</summary>
    public ExtractedArticle Extract(string html, Uri? pageUrl, ExtractRule? rule)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return NotArticle("empty page");
        }

        // Bounds the parse: tree building is quadratic in depth and costs most of a kilobyte an element, and the walks below recurse.
        using var document = new HtmlParser(ParserOptions).ParseDocument(HtmlBounds.Bound(html));
        if (rule is not null)
        {
            RuledContent.RemoveParts(document, rule);
        }

        if (document.Body is not { } bodyElement)
        {
            return FromMetadata(MetadataReader.Read(PageSignals.Collect(document), pageUrl), "no page body");
        }

        // The tree's nodes are reused by the next page on this thread; none of them outlives this call.
        var nodes = ContentNodePool.Rent();
        try
        {
            return Extract(document, bodyElement, pageUrl, nodes, rule);
        }
        finally
        {
            nodes.Return();
        }
    }

    private static ExtractedArticle Extract(IDocument document, IElement bodyElement, Uri? pageUrl, ContentNodePool nodes, ExtractRule? rule)
    {
        // The head here; the body's signals come from the tree builder's walk.
        var signals = PageSignals.Collect(document, except: bodyElement);
        var body = new ContentTreeBuilder(signals, nodes).Build(bodyElement);
        var metadata = MetadataReader.Read(signals, pageUrl);
        var baseUri = BaseUri(signals.BaseHref, pageUrl, metadata.CanonicalUrl);
        if (rule is not null && Ruled(document, rule, baseUri, nodes) is { } ruled)
        {
            return FromMetadata(metadata, null) with
            {
                Text = ruled.Text,
                Html = ruled.Html,
                LeadImage = metadata.LeadImage ?? ruled.FirstImage,
                Description = metadata.Description ?? LeadParagraph.From(ruled.Text),
            };
        }

        BoilerplatePruner.Prune(body, 0.5);
        var selected = ContentLocator.Locate(body);

        var renderer = new ContentRenderer(new UrlResolver(baseUri));
        var letters = 0;
        foreach (var block in selected)
        {
            if (block != body)
            {
                BoilerplatePruner.Prune(block, 0.5);
            }

            letters += block.TextLength;
            renderer.Render(block);
        }

        var (text, cleanedHtml) = renderer.Finish();
        var reason = ArticleClassifier.WhyNotArticle(body, selected, letters, metadata, pageUrl);
        return FromMetadata(metadata, reason) with
        {
            Text = text,
            // Safe by construction, see ContentRenderer; no sanitizer pass (it cost more than the rest of rendering).
            Html = cleanedHtml,
            LeadImage = metadata.LeadImage ?? renderer.FirstImage,
            // Pages without a description meta get the article's first prose paragraph, as Readability's excerpt does.
            Description = metadata.Description ?? (reason is null ? LeadParagraph.From(text) : null),
        };
    }

    /// <summary>
    /// The text of what the source's body selector picks, rendered as the generic path renders its blocks but without
    /// pruning or classification: the desk said this is the article. Null when the selector finds no text.
    /// </summary>
    private static (string Text, string Html, string? FirstImage)? Ruled(IDocument document, ExtractRule rule, Uri? baseUri, ContentNodePool nodes)
    {
        var bodies = RuledContent.Bodies(document, rule);
        if (bodies.Count == 0)
        {
            return null;
        }

        // Signals of these elements were collected with the body's; a throwaway collector keeps them from counting twice.
        var builder = new ContentTreeBuilder(PageSignals.Collect(document, except: document.DocumentElement), nodes);
        var renderer = new ContentRenderer(new UrlResolver(baseUri));
        foreach (var element in bodies)
        {
            renderer.Render(builder.Build(element));
        }

        var (text, html) = renderer.Finish();
        return string.IsNullOrWhiteSpace(text) ? null : (text, html, renderer.FirstImage);
    }

    private static ExtractedArticle NotArticle(string reason) => new() { IsArticle = false, NotArticleReason = reason };

    private static ExtractedArticle FromMetadata(PageMetadata metadata, string? notArticleReason) => new()
    {
        IsArticle = notArticleReason is null,
        NotArticleReason = notArticleReason,
        Title = metadata.Title,
        Byline = metadata.Byline,
        Published = metadata.Published,
        Modified = metadata.Modified,
        CanonicalUrl = metadata.CanonicalUrl,
        Description = metadata.Description,
        LeadImage = metadata.LeadImage,
        Language = metadata.Language,
        SiteName = metadata.SiteName,
    };

    private static Uri? BaseUri(string? baseHref, Uri? pageUrl, string? canonical)
    {
        var fallback = pageUrl ?? (canonical is not null && Uri.TryCreate(canonical, UriKind.Absolute, out var c) ? c : null);
        if (!string.IsNullOrWhiteSpace(baseHref) && MetadataReader.Absolute(baseHref, fallback) is { } resolved)
        {
            return new Uri(resolved);
        }

        return fallback;
    }
}
