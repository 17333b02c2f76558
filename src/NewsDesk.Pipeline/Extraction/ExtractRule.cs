namespace NewsDesk.Extraction;

/// <summary>
/// A source's own extraction hint (feeds.json "extract"): the CSS selector of the article body, and selectors of parts
/// to remove first (share bars, related links). Used instead of the generic extractor for that source's pages; the
/// generic one still runs when the body selector finds no text.
/// </summary>
public sealed record ExtractRule(string Body, IReadOnlyList<string> Remove);
