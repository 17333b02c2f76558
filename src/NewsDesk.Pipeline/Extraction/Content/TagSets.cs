namespace NewsDesk.Extraction.Content;

/// <summary>
/// Which tags the extractor drops, treats as blocks, or keeps inline: one lookup per element, when the
/// content tree is built, instead of a set lookup of the tag name in every step after.
/// </summary>
internal static class TagSets
{
    private static readonly Dictionary<string, TagKind> Kinds = Build();

    public static TagKind KindOf(string tag) => Kinds.GetValueOrDefault(tag);

    private static Dictionary<string, TagKind> Build()
    {
        var kinds = new Dictionary<string, TagKind>(StringComparer.Ordinal);
        void Add(TagKind kind, params string[] tags)
        {
            foreach (var tag in tags)
            {
                kinds[tag] = kinds.GetValueOrDefault(tag) | kind;
            }
        }

        // Never content: scripts, media players, form controls and page chrome that holds no prose.
        Add(TagKind.Dropped,
            "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
            "button", "input", "select", "textarea", "option", "optgroup", "link", "meta", "head", "title",
            "dialog", "audio", "video", "source", "track", "map", "area", "progress", "meter", "base");
        // Elements that start a new paragraph in the text output.
        Add(TagKind.Block,
            "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
            "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
            "tr", "td", "th", "ul", "caption", "html", "legend");
        Add(TagKind.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
        // Tags whose own text counts as a paragraph when scoring candidates.
        Add(TagKind.ParagraphLike, "p", "pre", "td", "blockquote", "li", "dd");
        // Chrome by tag: pruned unless they hold most of the prose.
        Add(TagKind.Chrome, "nav", "aside", "footer", "header");
        return kinds;
    }
}
