namespace NewsDesk.Extraction.Content;

/// <summary>Which tags the extractor drops, treats as blocks, or keeps inline.</summary>
internal static class TagSets
{
    /// <summary>Never content: scripts, media players, form controls and page chrome that holds no prose.</summary>
    public static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
        "button", "input", "select", "textarea", "option", "optgroup", "link", "meta", "head", "title",
        "dialog", "audio", "video", "source", "track", "map", "area", "progress", "meter", "base",
    };

    /// <summary>Elements that start a new paragraph in the text output.</summary>
    public static readonly HashSet<string> Block = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
        "tr", "td", "th", "ul", "caption", "html", "legend",
    };

    public static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>Tags whose own text counts as a paragraph when scoring candidates.</summary>
    public static readonly HashSet<string> ParagraphLike = new(StringComparer.Ordinal)
    {
        "p", "pre", "td", "blockquote", "li", "dd",
    };

    public static bool IsBlock(string tag) => Block.Contains(tag);
}
