namespace NewsDesk.Feeds;

/// <summary>A URL given to `feeds add` that is neither a readable feed nor a page that points to one; the message says why.</summary>
public sealed class FeedDiscoveryException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>For a web page that names no feed: a scrape rule read from its repeated structure, for the user to confirm.</summary>
    public Scraping.ScrapeRule? SuggestedScrape { get; init; }
}
