namespace NewsDesk.Scraping;

/// <summary>
/// How to read a news listing page that has no feed (feeds.json "scrape"): the CSS selector of one item, and inside it
/// the link (default the first a[href]), the title (default the link's text) and the date (optional; "time@datetime"
/// reads an attribute instead of the text).
/// </summary>
public sealed record ScrapeRule(string Item, string Link = "a", string? Title = null, string? Date = null)
{
    /// <summary>The date selector without its @attribute part.</summary>
    public string? DateSelector => Date is null ? null : Split(Date).Selector;

    /// <summary>The attribute the date is read from, or null for the element's text.</summary>
    public string? DateAttribute => Date is null ? null : Split(Date).Attribute;

    private static (string Selector, string? Attribute) Split(string date)
    {
        var at = date.LastIndexOf('@');
        return at > 0 && at < date.Length - 1 && !date[(at + 1)..].Any(c => c is ' ' or ']' or '"' or '\'')
            ? (date[..at].Trim(), date[(at + 1)..].Trim())
            : (date.Trim(), null);
    }
}
