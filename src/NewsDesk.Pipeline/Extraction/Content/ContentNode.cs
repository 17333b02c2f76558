namespace NewsDesk.Extraction.Content;

/// <summary>
/// A light copy of one DOM node, built once from the parsed page. Text statistics are computed
/// bottom-up while building, so scoring and rendering never re-walk big subtrees for their text.
/// </summary>
internal sealed class ContentNode
{
    private static readonly List<ContentNode> NoChildren = [];
    private List<ContentNode>? _children;

    public ContentNode(string tag, ContentNode? parent)
    {
        Tag = tag;
        Parent = parent;
        IsBlock = TagSets.IsBlock(tag);
    }

    /// <summary>Lower-case tag name, or "#text" for a text node.</summary>
    public string Tag { get; }
    /// <summary>Looked up once here: summing, pruning and rendering ask it for every child again and again.</summary>
    public bool IsBlock { get; }
    public ContentNode? Parent { get; set; }
    /// <summary>
    /// The children, in page order. Leaves (text, images, empty elements: most nodes of a page) share one
    /// empty list instead of each allocating its own; add only through <see cref="AddChild"/>.
    /// </summary>
    public List<ContentNode> Children => _children ?? NoChildren;
    public string? Text { get; set; }
    /// <summary>Lower-case class and id tokens joined by spaces, for pattern checks.</summary>
    public string ClassAndId { get; set; } = "";
    /// <summary>The href as written in the page; <see cref="UrlResolver"/> makes it absolute (or drops it) when rendered.</summary>
    public string? Href { get; set; }
    /// <summary>The image URL as written (src, or a lazy-loading attribute); resolved when rendered.</summary>
    public string? Src { get; set; }
    public string? Alt { get; set; }
    public bool IsArticleBody { get; set; }
    /// <summary>itemprop=articleBody or a class templates give the article body ("entry-content").</summary>
    public bool IsStrong { get; set; }
    /// <summary>This node or a descendant <see cref="IsStrong"/>: such blocks are never pruned as chrome.</summary>
    public bool ContainsStrong { get; set; }

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

    public bool IsText => Text is not null && Tag == "#text";

    public void AddChild(ContentNode child) => (_children ??= []).Add(child);

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkTextLength / TextLength;
}
