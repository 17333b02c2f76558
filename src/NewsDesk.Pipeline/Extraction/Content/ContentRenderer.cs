using System.Text;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Writes the located blocks as plain text (paragraphs separated by blank lines, headings and list
/// items on their own lines) and as minimal HTML, in one walk. Link lists, the page headline and
/// stray one-word labels ("Advertisement", "Share") are left out here, inside the article.
/// The HTML is safe by construction, so no sanitizer runs over it: the only tags written are the
/// allow-list below plus a, img and br, written from literals; the only attributes are href, src and
/// alt; href/src hold only http(s)/mailto URLs (<see cref="UrlResolver"/> resolves them and
/// drops every other scheme); all page text and attribute values go through <see cref="HtmlEscaper"/>.
/// Scripts, styles, svg, iframes and event handlers are never copied into the content tree at all.
/// </summary>
internal sealed class ContentRenderer(UrlResolver urls)
{
    private static readonly HashSet<string> HtmlContainers = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "figure", "figcaption",
    };

    private static readonly HashSet<string> TextContainers = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
    };

    private static readonly HashSet<string> LabelsToSkip = new(StringComparer.OrdinalIgnoreCase)
    {
        "advertisement", "advertisements", "ad", "share", "share this", "share this article", "share on facebook",
        "share on twitter", "tweet", "email", "print", "continue reading", "read more", "scroll to continue",
        "story continues below advertisement", "sponsored", "related", "related articles", "related posts",
        "skip to content", "skip to main content", "copy link", "link copied",
    };

    private static readonly HashSet<string> DeduplicatedBlocks = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
    };

    private readonly TextOutput _text = new();
    // Responsive templates print the same block twice (mobile and desktop copies); a repeat adds nothing.
    private readonly HashSet<string> _seenBlocks = new(StringComparer.Ordinal);
    private readonly StringBuilder _html = new();
    private int _textContainerDepth;
    private bool _paragraphOpen;

    public string Text => _text.ToString();

    public string Html => _html.ToString();

    /// <summary>The first image inside the article, the lead image of last resort.</summary>
    public string? FirstImage { get; private set; }

    public void Render(ContentNode node)
    {
        if (node.IsText)
        {
            if (node.Text!.Length > 0)
            {
                _text.Append(node.Text);
                if (node.TextLength > 0 || _paragraphOpen || _textContainerDepth > 0)
                {
                    OpenParagraphIfNeeded();
                    HtmlEscaper.AppendText(_html, node.Text);
                }
            }

            return;
        }

        if (node.Removed || IsSkipped(node))
        {
            return;
        }

        switch (node.Tag)
        {
            case "br":
                _text.Break(1);
                OpenParagraphIfNeeded();
                _html.Append("<br>");
                return;
            case "img":
                RenderImage(node);
                return;
            case "a" when urls.Resolve(node.Href) is { } href:
                OpenParagraphIfNeeded();
                _html.Append("<a href=\"");
                HtmlEscaper.AppendAttribute(_html, href);
                _html.Append("\">");
                RenderChildren(node);
                _html.Append("</a>");
                return;
        }

        if (!node.IsBlock)
        {
            RenderChildren(node);
            return;
        }

        RenderBlock(node);
    }

    private void RenderBlock(ContentNode node)
    {
        var lines = node.Tag is "li" or "tr" or "dt" or "dd" ? 1 : node.Tag is "td" or "th" ? 0 : 2;
        if (lines > 0)
        {
            _text.Break(lines);
        }
        else
        {
            _text.Append(" ");
        }

        CloseParagraph();
        var textMark = _text.Length;
        var htmlMark = _html.Length;
        var emitTag = HtmlContainers.Contains(node.Tag);
        var textContainer = TextContainers.Contains(node.Tag);
        if (emitTag)
        {
            _html.Append('<').Append(node.Tag).Append('>');
        }

        _textContainerDepth += textContainer ? 1 : 0;
        RenderChildren(node);
        _textContainerDepth -= textContainer ? 1 : 0;
        CloseParagraph();
        if (emitTag)
        {
            _html.Append("</").Append(node.Tag).Append('>');
        }

        if (DeduplicatedBlocks.Contains(node.Tag) && !node.HasBlockChild && node.TextLength >= 20 && !_seenBlocks.Add(_text.Since(textMark)))
        {
            _text.Truncate(textMark);
            _html.Length = htmlMark;
            return;
        }

        if (lines > 0)
        {
            _text.Break(lines);
        }
    }

    private void RenderImage(ContentNode node)
    {
        if (urls.Resolve(node.Src) is not { } src)
        {
            return;
        }

        FirstImage ??= src;
        OpenParagraphIfNeeded();
        _html.Append("<img src=\"");
        HtmlEscaper.AppendAttribute(_html, src);
        _html.Append('"');
        if (!string.IsNullOrWhiteSpace(node.Alt))
        {
            _html.Append(" alt=\"");
            HtmlEscaper.AppendAttribute(_html, node.Alt);
            _html.Append('"');
        }

        _html.Append('>');
    }

    private void RenderChildren(ContentNode node)
    {
        foreach (var child in node.Children)
        {
            Render(child);
        }
    }

    private void OpenParagraphIfNeeded()
    {
        if (_textContainerDepth == 0 && !_paragraphOpen)
        {
            _html.Append("<p>");
            _paragraphOpen = true;
        }
    }

    private void CloseParagraph()
    {
        if (_paragraphOpen)
        {
            _html.Append("</p>");
            _paragraphOpen = false;
        }
    }

    private static bool IsSkipped(ContentNode node)
    {
        if (node.Tag is "h1" or "figcaption")
        {
            return true;
        }

        if (node.IsBlock && node.Tag is not ("p" or "li" or "td" or "th" or "tr")
            && node.TextLength > 0 && node.LinkDensity > 0.5)
        {
            return true;
        }

        return node.TextLength is > 0 and < 40 && node.IsBlock && LabelsToSkip.Contains(PlainText(node));
    }

    private static string PlainText(ContentNode node)
    {
        var output = new TextOutput();
        AppendText(node, output);
        return output.ToString().TrimEnd(':', '.', '!');
    }

    private static void AppendText(ContentNode node, TextOutput output)
    {
        if (node.IsText)
        {
            output.Append(node.Text!);
            return;
        }

        foreach (var child in node.Children)
        {
            if (!child.Removed)
            {
                AppendText(child, output);
            }
        }
    }

    public void Finish() => CloseParagraph();
}
