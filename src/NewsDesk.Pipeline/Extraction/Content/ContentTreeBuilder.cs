using System.Buffers;
using AngleSharp.Dom;
using NewsDesk.Extraction.Metadata;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Copies the page body into a <see cref="ContentNode"/> tree in one walk, dropping scripts, form
/// controls and hidden elements, and summing text statistics bottom-up on the way out. The same walk
/// feeds the metadata signals of the body, so the body is walked once.
/// </summary>
internal sealed class ContentTreeBuilder(PageSignals signals, ContentNodePool nodes)
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

    /// <summary>Builds the tree of the body, passing every element of it to the page signals on the way.</summary>
    public ContentNode Build(IElement body)
    {
        signals.Visit(body);
        var root = nodes.Next().Init(body, "body", TagSets.KindOf("body"), null, ClassVerdict.None, isArticleBody: false, isStrong: false);
        AddChildren(body, root, 0);
        Summarise(root);
        return root;
    }

    private void AddChildren(IElement source, ContentNode target, int depth)
    {
        // Indexing ChildNodes: AngleSharp's NextSibling searches the parent's child list, which makes a walk
        // by siblings quadratic in the number of children. The Element class test comes first and is cheap;
        // a test against IElement scans the long interface list of every element class.
        var children = source.ChildNodes;
        int letters = 0, commas = 0;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is Element element)
            {
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
                    int deepLetters = 0, deepCommas = 0;
                    TextCounter.Count(element.TextContent, ref deepLetters, ref deepCommas);
                    node.IsFlattened = true;
                    node.OwnTextLength = deepLetters;
                    node.OwnCommas = deepCommas;
                }
                else
                {
                    AddChildren(element, node, depth + 1);
                }

                Summarise(node);
            }
            else if (child is IText text)
            {
                TextCounter.Count(text.Data, ref letters, ref commas);
            }
        }

        target.OwnTextLength = letters;
        target.OwnCommas = commas;
    }

    private ContentNode? CreateElement(IElement element, ContentNode parent)
    {
        var tag = element.LocalName;
        var kind = TagSets.KindOf(tag);
        if ((kind & TagKind.Dropped) != 0)
        {
            signals.Visit(element);
            return null;
        }

        // One pass over the attributes instead of a dozen GetAttribute lookups, each of which scans them again;
        // the page signals take what they need from the same pass.
        var a = default(Attributes);
        var hidden = false;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            var value = attribute.Value;
            switch (attribute.Name)
            {
                case "hidden": hidden = true; break;
                case "aria-hidden" when tag != "img" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase): hidden = true; break;
                case "style" when !hidden && HidesElement(value): hidden = true; break;
                case "class": a.Class ??= value; break;
                case "id": a.Id ??= value; break;
                case "itemprop": a.ItemProp ??= value; break;
                case "role": a.Role ??= value; break;
                case "rel": a.Rel ??= value; break;
            }
        }

        signals.Visit(element, tag, a.ItemProp, a.Rel, a.Class);
        if (hidden)
        {
            return null;
        }

        var verdict = ClassPatterns.JudgeClass(a.Class) | ClassPatterns.Judge(a.Id);
        var isArticleBody = string.Equals(a.ItemProp, "articleBody", StringComparison.OrdinalIgnoreCase);
        var isStrong = isArticleBody || (verdict & ClassVerdict.Strong) != 0;
        if (a.Role is not null && DroppedRoles.Contains(a.Role))
        {
            // An ARIA role naming page chrome counts as a chrome class name.
            verdict |= ClassVerdict.Negative;
        }

        return nodes.Next().Init(element, tag, kind, parent, verdict, isArticleBody, isStrong);
    }

    /// <summary>
    /// The element's class and id lower-cased, after "role-&lt;role&gt;" for a chrome role: the key by which
    /// siblings built from the same template are recognised. Read from the DOM, for the few nodes compared.
    /// </summary>
    public static string ClassKey(ContentNode node)
    {
        var element = node.Element;
        var key = BuildClassAndId(element.GetAttribute("class"), element.GetAttribute("id"));
        return element.GetAttribute("role") is { } role && DroppedRoles.Contains(role) ? "role-" + role.ToLowerInvariant() + " " + key : key;
    }

    /// <summary>The image URL as written: src, or a lazy-loading attribute when src is missing or a data: placeholder.</summary>
    public static string? ImageSource(IElement image) =>
        image.GetAttribute("src") is { Length: > 0 } src && !src.StartsWith("data:", StringComparison.Ordinal)
            ? src
            : image.GetAttribute("data-src") ?? image.GetAttribute("data-original") ?? image.GetAttribute("data-lazy-src");

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
        int text = node.OwnTextLength, links = 0, commas = node.OwnCommas, inline = node.OwnTextLength, prose = 0;
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
            if (!child.IsBlock)
            {
                inline += child.TextLength;
            }
            else
            {
                hasBlock = true;
            }
        }

        node.TextLength = text;
        node.LinkTextLength = node.Tag is "a" ? text : links;
        node.Commas = commas;
        node.InlineTextLength = inline;
        node.HasBlockChild = hasBlock;
        if (node.IsBlock && inline >= 20 && !node.IsHeading)
        {
            var inlineLinks = links;
            foreach (var child in node.Children)
            {
                if (!child.Removed && child.IsBlock)
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
        public string? Class, Id, ItemProp, Role, Rel;
    }
}
