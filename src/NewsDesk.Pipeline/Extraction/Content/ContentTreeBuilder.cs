using System.Buffers;
using AngleSharp.Dom;
using NewsDesk.Extraction.Metadata;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Copies the page body into a <see cref="ContentNode"/> tree in one walk, dropping scripts, form
/// controls and hidden elements, and summing text statistics bottom-up on the way out. The same walk
/// feeds the metadata signals of the body, so the body is walked once.
/// </summary>
internal sealed class ContentTreeBuilder(PageSignals signals)
{
    // Deeper nesting than this is a broken or hostile page; the rest of the subtree is kept as plain text
    // so that recursion can never exhaust the stack.
    private const int MaxDepth = 256;

    /// <summary>About 80 words of prose.</summary>
    internal const int StrongMinProse = 400;

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    };

    private static readonly SearchValues<char> HtmlWhitespace = SearchValues.Create(" \n\r\t\f");

    /// <summary>
    /// One shared node for every whitespace-only text node: it renders as a space, has no text length and
    /// no parent, and nothing ever marks a text node removed.
    /// </summary>
    private static readonly ContentNode WhitespaceText = new("#text", null) { Text = " " };

    /// <summary>Builds the tree of the body, passing every element of it to the page signals on the way.</summary>
    public ContentNode Build(IElement body)
    {
        signals.Visit(body);
        var root = new ContentNode("body", null);
        AddChildren(body, root, 0);
        Summarise(root);
        return root;
    }

    private void AddChildren(INode source, ContentNode target, int depth)
    {
        // Indexing ChildNodes: AngleSharp's NextSibling searches the parent's child list, which makes a walk
        // by siblings quadratic in the number of children.
        var children = source.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                target.AddChild(CreateText(text.Data, target));
            }
            else if (child is IElement element)
            {
                signals.Visit(element);
                var node = CreateElement(element, target);
                if (node is null)
                {
                    // JSON-LD scripts and hidden bylines still count for the metadata.
                    signals.VisitDescendants(element);
                    continue;
                }

                target.AddChild(node);
                if (depth >= MaxDepth)
                {
                    signals.VisitDescendants(element);
                    node.AddChild(CreateText(element.TextContent, node));
                }
                else
                {
                    AddChildren(element, node, depth + 1);
                }

                Summarise(node);
            }
        }
    }

    private static ContentNode CreateText(string data, ContentNode parent)
    {
        // Indentation between tags is a third of all nodes on a typical page; it only ever reads as one space.
        if (data.AsSpan().IndexOfAnyExcept(HtmlWhitespace) < 0)
        {
            return WhitespaceText;
        }

        var node = new ContentNode("#text", parent) { Text = data };
        var letters = 0;
        var commas = 0;
        foreach (var c in data)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
            else if (c == ',' || c == '\u3001' || c == '\uFF0C')
            {
                commas++;
            }
        }

        node.TextLength = letters;
        node.Commas = commas;
        return node;
    }

    private ContentNode? CreateElement(IElement element, ContentNode parent)
    {
        var tag = element.LocalName;
        if (TagSets.Dropped.Contains(tag))
        {
            return null;
        }

        // One pass over the attributes instead of a dozen GetAttribute lookups, each of which scans them again.
        var a = default(Attributes);
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            var value = attribute.Value;
            switch (attribute.Name)
            {
                case "hidden": return null;
                case "aria-hidden" when tag != "img" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase): return null;
                case "style" when HidesElement(value): return null;
                case "class": a.Class ??= value; break;
                case "id": a.Id ??= value; break;
                case "itemprop": a.ItemProp ??= value; break;
                case "role": a.Role ??= value; break;
                case "href": a.Href ??= value; break;
                case "src": a.Src ??= value; break;
                case "data-src": a.DataSrc ??= value; break;
                case "data-original": a.DataOriginal ??= value; break;
                case "data-lazy-src": a.DataLazySrc ??= value; break;
                case "alt": a.Alt ??= value; break;
            }
        }

        var node = new ContentNode(tag, parent)
        {
            ClassAndId = BuildClassAndId(a.Class, a.Id),
            IsArticleBody = string.Equals(a.ItemProp, "articleBody", StringComparison.OrdinalIgnoreCase),
        };
        node.IsStrong = node.IsArticleBody || ClassPatterns.IsStrong(node.ClassAndId);
        if (a.Role is not null && DroppedRoles.Contains(a.Role))
        {
            node.ClassAndId = "role-" + a.Role.ToLowerInvariant() + " " + node.ClassAndId;
        }

        switch (tag)
        {
            case "a":
                node.Href = a.Href;
                break;
            case "img":
                node.Src = a.Src is { Length: > 0 } src && !src.StartsWith("data:", StringComparison.Ordinal)
                    ? src
                    : a.DataSrc ?? a.DataOriginal ?? a.DataLazySrc;
                node.Alt = a.Alt;
                break;
        }

        return node;
    }

    private static string BuildClassAndId(string? cls, string? id)
    {
        if (string.IsNullOrEmpty(cls))
        {
            return string.IsNullOrEmpty(id) ? "" : id.ToLowerInvariant();
        }

        return string.IsNullOrEmpty(id) ? cls.ToLowerInvariant() : (cls + " " + id).ToLowerInvariant();
    }

    /// <summary>display:none or visibility:hidden, spaces ignored; compacted on the stack, since inline styles are common.</summary>
    private static bool HidesElement(string style)
    {
        if (!style.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        char[]? rented = null;
        var buffer = style.Length <= 256 ? stackalloc char[style.Length] : (rented = ArrayPool<char>.Shared.Rent(style.Length));
        var length = 0;
        foreach (var c in style)
        {
            if (c != ' ')
            {
                buffer[length++] = c;
            }
        }

        var compact = buffer[..length];
        var hidden = compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return hidden;
    }

    /// <summary>Sums the statistics of a finished element from its children.</summary>
    internal static void Summarise(ContentNode node)
    {
        int text = 0, links = 0, commas = 0, inline = 0, prose = 0;
        var hasBlock = false;
        var strong = false;
        foreach (var child in node.Children)
        {
            if (child.Removed)
            {
                continue;
            }

            text += child.TextLength;
            links += child.LinkTextLength;
            commas += child.Commas;
            prose += child.ProseLength;
            strong |= child.ContainsStrong;
            if (child.IsText || !child.IsBlock)
            {
                inline += child.TextLength;
            }
            else
            {
                hasBlock = true;
            }
        }

        node.TextLength = text;
        node.LinkTextLength = node.Tag == "a" ? text : links;
        node.Commas = commas;
        node.InlineTextLength = inline;
        node.HasBlockChild = hasBlock;
        if (node.IsBlock && inline >= 20 && node.Tag is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6"))
        {
            var inlineLinks = links;
            foreach (var child in node.Children)
            {
                if (!child.Removed && !child.IsText && child.IsBlock)
                {
                    inlineLinks -= child.LinkTextLength;
                }
            }

            if (inlineLinks < inline / 2)
            {
                prose += inline;
            }
        }

        node.ProseLength = prose;
        // A teaser card called "post-content" is not the article: only a named body with real prose protects its ancestors.
        node.ContainsStrong = strong || (node.IsStrong && prose >= StrongMinProse);
    }

    private struct Attributes
    {
        public string? Class, Id, ItemProp, Role, Href, Src, DataSrc, DataOriginal, DataLazySrc, Alt;
    }
}
