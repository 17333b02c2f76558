using System.Buffers;
using System.Text;
using AngleSharp.Dom;

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

    // A block's text can only be one of the labels when it has as many letters and digits as that label
    // does, so the text of most short blocks is never put together just to be looked up.
    private static readonly HashSet<int> LabelLetterCounts = [.. LabelsToSkip.Select(l => l.Count(char.IsLetterOrDigit))];

    private static readonly HashSet<string> DeduplicatedBlocks = new(StringComparer.Ordinal)
    {
        "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
    };

    private static readonly SearchValues<char> HtmlWhitespace = SearchValues.Create(" \n\r\t\f");

    private readonly TextOutput _text = new(BuilderCache.AcquireText());
    // Responsive templates print the same block twice (mobile and desktop copies); a repeat adds nothing.
    private readonly HashSet<string> _seenBlocks = new(StringComparer.Ordinal);
    private readonly StringBuilder _html = BuilderCache.AcquireHtml();
    private int _textContainerDepth;
    private bool _paragraphOpen;

    /// <summary>The first image inside the article, the lead image of last resort.</summary>
    public string? FirstImage { get; private set; }

    public void Render(ContentNode node)
    {
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
            case "a" when urls.Resolve(node.Element.GetAttribute("href")) is { } href:
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
        if (urls.Resolve(ContentTreeBuilder.ImageSource(node.Element)) is not { } src)
        {
            return;
        }

        FirstImage ??= src;
        OpenParagraphIfNeeded();
        _html.Append("<img src=\"");
        HtmlEscaper.AppendAttribute(_html, src);
        _html.Append('"');
        if (node.Element.GetAttribute("alt") is { } alt && !string.IsNullOrWhiteSpace(alt))
        {
            _html.Append(" alt=\"");
            HtmlEscaper.AppendAttribute(_html, alt);
            _html.Append('"');
        }

        _html.Append('>');
    }

    /// <summary>
    /// Walks the element's DOM children and the node's children side by side: text comes straight from the
    /// DOM, elements through their nodes (an element without one was dropped or hidden).
    /// </summary>
    private void RenderChildren(ContentNode node)
    {
        if (node.IsFlattened)
        {
            RenderText(node.Element.TextContent);
            return;
        }

        var next = node.FirstChild;
        var children = node.Element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (next is not null && ReferenceEquals(next.Element, child))
            {
                Render(next);
                next = next.NextSibling;
            }
            else if (child is not Element && child is IText text)
            {
                RenderText(text.Data);
            }
        }
    }

    private void RenderText(string data)
    {
        // Indentation between tags (a third of all nodes on a typical page) only ever reads as one space.
        var blank = data.AsSpan().IndexOfAnyExcept(HtmlWhitespace) < 0;
        var text = blank ? " " : data;
        _text.Append(text);
        if ((!blank && HasLetterOrDigit(data)) || _paragraphOpen || _textContainerDepth > 0)
        {
            OpenParagraphIfNeeded();
            HtmlEscaper.AppendText(_html, text);
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

        return node.TextLength is > 0 and < 40 && node.IsBlock && LabelLetterCounts.Contains(node.TextLength) && LabelsToSkip.Contains(PlainText(node));
    }

    private static string PlainText(ContentNode node)
    {
        var output = new TextOutput();
        AppendText(node, output);
        return output.ToString().TrimEnd(':', '.', '!');
    }

    private static void AppendText(ContentNode node, TextOutput output)
    {
        if (node.IsFlattened)
        {
            output.Append(node.Element.TextContent);
            return;
        }

        var next = node.FirstChild;
        var children = node.Element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (next is not null && ReferenceEquals(next.Element, child))
            {
                if (!next.Removed)
                {
                    AppendText(next, output);
                }

                next = next.NextSibling;
            }
            else if (child is not Element && child is IText text)
            {
                output.Append(text.Data);
            }
        }
    }

    private static bool HasLetterOrDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ends the output and returns the text and the cleaned HTML; the renderer cannot be used after this.</summary>
    public (string Text, string Html) Finish()
    {
        CloseParagraph();
        return (BuilderCache.ReleaseText(_text.Builder), BuilderCache.ReleaseHtml(_html));
    }
}
