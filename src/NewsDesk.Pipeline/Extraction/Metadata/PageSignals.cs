using AngleSharp.Dom;

namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// Everything the metadata readers look at, gathered in one walk over the document instead of a
/// dozen selector queries that would each walk it again.
/// </summary>
internal sealed class PageSignals
{
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> JsonLdBlocks { get; } = [];
    public string? CanonicalHref { get; private set; }
    public string? BaseHref { get; private set; }
    public string? TitleElement { get; private set; }
    public string? HtmlLang { get; private set; }
    public int H1Count { get; private set; }
    public string? FirstH1 { get; private set; }
    public string? ItemPropPublished { get; private set; }
    public string? TimeDateTime { get; private set; }
    /// <summary>Byline candidates in order of trust: rel=author, itemprop=author name, itemprop=author, byline class, author-name class.</summary>
    public string?[] Bylines { get; } = new string?[5];

    public static PageSignals Collect(IDocument document) => Collect(document, except: null);

    /// <summary>
    /// Collects from the whole document except the subtree of <paramref name="except"/>, which the caller
    /// walks itself and passes element by element to <see cref="Visit(IElement, string, string?, string?, string?)"/> (the content tree builder does, so
    /// the page body is walked once, not twice).
    /// </summary>
    public static PageSignals Collect(IDocument document, IElement? except)
    {
        var signals = new PageSignals();
        if (document.DocumentElement is not { } root)
        {
            return signals;
        }

        signals.HtmlLang = root.GetAttribute("lang") ?? root.GetAttribute("xml:lang");
        signals.Walk(root, except);
        return signals;
    }

    /// <summary>Visits the descendants of an element the caller does not walk further (dropped or hidden ones).</summary>
    public void VisitDescendants(IElement element)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is Element child)
            {
                Walk(child, except: null);
            }
        }
    }

    private void Walk(IElement start, IElement? except)
    {
        var stack = new Stack<IElement>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element == except)
            {
                continue;
            }

            Visit(element);
            // Indexing ChildNodes: AngleSharp's sibling properties search the parent's child list each time.
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is Element child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    public void Visit(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
                var content = element.GetAttribute("content");
                if (key is not null && !string.IsNullOrWhiteSpace(content))
                {
                    Meta.TryAdd(key.Trim(), content.Trim());
                }

                break;
            case "script":
                if (string.Equals(element.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    JsonLdBlocks.Add(element.TextContent);
                }

                return;
            case "link":
                if (CanonicalHref is null && string.Equals(element.GetAttribute("rel")?.Trim(), "canonical", StringComparison.OrdinalIgnoreCase))
                {
                    CanonicalHref = element.GetAttribute("href");
                }

                break;
            case "base":
                BaseHref ??= element.GetAttribute("href");
                break;
            case "title":
                TitleElement ??= element.TextContent;
                break;
            case "h1":
                H1Count++;
                FirstH1 ??= element.TextContent;
                break;
            case "time":
                TimeDateTime ??= element.GetAttribute("datetime");
                break;
        }

        // One pass over the attributes: most elements have none of the three looked for.
        string? itemProp = null, rel = null, cls = null;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "itemprop": itemProp ??= attribute.Value; break;
                case "rel": rel ??= attribute.Value; break;
                case "class": cls ??= attribute.Value; break;
            }
        }

        VisitAttributes(element, itemProp, rel, cls);
    }

    /// <summary>
    /// Visits a body element whose attributes the caller has already read (the content tree builder reads
    /// them all in one pass). Only for elements the builder keeps: the head-only tags are all dropped ones.
    /// </summary>
    public void Visit(IElement element, string tag, string? itemProp, string? rel, string? cls)
    {
        switch (tag)
        {
            case "h1":
                H1Count++;
                FirstH1 ??= element.TextContent;
                break;
            case "time":
                TimeDateTime ??= element.GetAttribute("datetime");
                break;
        }

        VisitAttributes(element, itemProp, rel, cls);
    }

    private void VisitAttributes(IElement element, string? itemProp, string? rel, string? cls)
    {
        if (itemProp is not null)
        {
            if (ItemPropPublished is null && string.Equals(itemProp, "datePublished", StringComparison.OrdinalIgnoreCase))
            {
                ItemPropPublished = element.GetAttribute("content") ?? element.GetAttribute("datetime");
            }
            else if (string.Equals(itemProp, "author", StringComparison.OrdinalIgnoreCase))
            {
                Bylines[2] ??= element.TextContent;
            }
            else if (string.Equals(itemProp, "name", StringComparison.OrdinalIgnoreCase) && Bylines[1] is null
                && string.Equals(element.ParentElement?.Closest("[itemprop]")?.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase))
            {
                Bylines[1] = element.TextContent;
            }
        }

        if (Bylines[0] is null && string.Equals(rel, "author", StringComparison.OrdinalIgnoreCase))
        {
            Bylines[0] = element.TextContent;
        }

        if (cls is not null)
        {
            // Any case: templates write "FeatureByline" and "article-byline" alike.
            if (Bylines[3] is null && cls.Contains("byline", StringComparison.OrdinalIgnoreCase))
            {
                Bylines[3] = element.TextContent;
            }
            else if (Bylines[4] is null && cls.Contains("author-name", StringComparison.Ordinal))
            {
                Bylines[4] = element.TextContent;
            }
        }
    }
}
