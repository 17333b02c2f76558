using System.Collections;
using AngleSharp.Dom;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// A light copy of one element of the page, built once from the parsed DOM. Text statistics are computed
/// bottom-up while building, so scoring and rendering never re-walk big subtrees for their text. Only
/// elements get a node: the letters and commas of an element's own text nodes are summed into it, and the
/// renderer reads the text itself (and link and image URLs) from <see cref="Element"/>, for the few nodes
/// it renders. Children are linked, not listed: most elements have none or one, and a list per element
/// was a good part of what building the tree allocated. Nodes are reused from page to page (see
/// <see cref="ContentNodePool"/>), so <see cref="Init"/> sets every field.
/// </summary>
internal sealed class ContentNode
{
    private ContentNode? _lastChild;

    /// <summary>The element this node copies; alive as long as the parsed document is.</summary>
    public IElement Element { get; private set; } = null!;
    /// <summary>Lower-case tag name.</summary>
    public string Tag { get; private set; } = "";
    /// <summary>Looked up once here: summing, pruning and rendering ask for it for every node again and again.</summary>
    public TagKind Kind { get; private set; }
    public bool IsBlock => (Kind & TagKind.Block) != 0;
    public bool IsHeading => (Kind & TagKind.Heading) != 0;
    public ContentNode? Parent { get; private set; }
    public ContentNode? FirstChild { get; private set; }
    public ContentNode? NextSibling { get; private set; }
    /// <summary>The kept child elements, in page order (dropped and hidden ones have no node).</summary>
    public ChildNodes Children => new(FirstChild);
    /// <summary>What the class, id and ARIA role say about the element.</summary>
    public ClassVerdict Verdict { get; private set; }
    /// <summary>-1 for chrome, +1 for article-like names, 0 otherwise.</summary>
    public int ClassWeight => ClassPatterns.Weight(Verdict);
    public bool IsArticleBody { get; private set; }
    /// <summary>itemprop=articleBody or a class templates give the article body ("entry-content").</summary>
    public bool IsStrong { get; private set; }
    /// <summary>This node or a descendant <see cref="IsStrong"/>: such blocks are never pruned as chrome.</summary>
    public bool ContainsStrong { get; set; }
    /// <summary>Nested too deep to copy: its whole text content counts (and renders) as its own text.</summary>
    public bool IsFlattened { get; set; }

    /// <summary>Letters and digits in the element's own text nodes.</summary>
    public int OwnTextLength { get; set; }
    /// <summary>Commas in the element's own text nodes.</summary>
    public int OwnCommas { get; set; }
    /// <summary>Letters and digits in the subtree (whitespace and punctuation not counted).</summary>
    public int TextLength { get; set; }
    /// <summary>Letters and digits inside links in the subtree.</summary>
    public int LinkTextLength { get; set; }
    /// <summary>Commas in the subtree; a cheap sign of running prose.</summary>
    public int Commas { get; set; }
    /// <summary>Letters and digits of text that sits directly in this element (text nodes and inline children).</summary>
    public int InlineTextLength { get; set; }
    /// <summary>Text length of prose blocks (paragraph-like, low link density) in the subtree.</summary>
    public int ProseLength { get; set; }
    public bool HasBlockChild { get; set; }
    public double Score { get; set; }
    public bool IsCandidate { get; set; }
    public bool Removed { get; set; }

    public ContentNode Init(IElement element, string tag, TagKind kind, ContentNode? parent, ClassVerdict verdict, bool isArticleBody, bool isStrong)
    {
        Element = element;
        Tag = tag;
        Kind = kind;
        Parent = parent;
        Verdict = verdict;
        IsArticleBody = isArticleBody;
        IsStrong = isStrong;
        FirstChild = NextSibling = _lastChild = null;
        ContainsStrong = IsFlattened = HasBlockChild = IsCandidate = Removed = false;
        OwnTextLength = OwnCommas = TextLength = LinkTextLength = Commas = InlineTextLength = ProseLength = 0;
        Score = 0;
        return this;
    }

    /// <summary>Lets go of the page, so that a pooled node does not keep a parsed document alive.</summary>
    public void Clear()
    {
        Element = null!;
        Parent = FirstChild = NextSibling = _lastChild = null;
    }

    public void AddChild(ContentNode child)
    {
        if (_lastChild is null)
        {
            FirstChild = child;
        }
        else
        {
            _lastChild.NextSibling = child;
        }

        _lastChild = child;
    }

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkTextLength / TextLength;

    /// <summary>The children of a node; a struct, so that a foreach over them allocates nothing.</summary>
    public readonly struct ChildNodes(ContentNode? first) : IEnumerable<ContentNode>
    {
        public Enumerator GetEnumerator() => new(first);

        IEnumerator<ContentNode> IEnumerable<ContentNode>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator(ContentNode? first) : IEnumerator<ContentNode>
        {
            private ContentNode? _next = first;

            public ContentNode Current { get; private set; } = null!;

            readonly object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_next is null)
                {
                    return false;
                }

                Current = _next;
                _next = _next.NextSibling;
                return true;
            }

            public void Reset() => throw new NotSupportedException();

            public readonly void Dispose()
            {
            }
        }
    }
}
