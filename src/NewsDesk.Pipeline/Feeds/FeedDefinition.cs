namespace NewsDesk.Feeds;

/// <summary>One entry of feeds.json: a feed NewsDesk polls.</summary>
public sealed record FeedDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Uri Url { get; init; }
    public FeedKind Kind { get; init; } = FeedKind.Press;
    public required FeedSchedule Schedule { get; init; }
    public bool Enabled { get; init; } = true;
    /// <summary>Folder in readers that group feeds ("News/Tech"); kept so that OPML export gives back what import read.</summary>
    public string? Category { get; init; }
    /// <summary>The publisher's web site (OPML htmlUrl).</summary>
    public Uri? SiteUrl { get; init; }
    /// <summary>Headers, cookies, User-Agent, time limit, item cap and extraction rule of this source (feeds.json, all optional).</summary>
    public SourceSettings Settings { get; init; } = SourceSettings.None;
    /// <summary>Set for a news listing page without a feed: how its items are read (feeds.json "scrape").</summary>
    public Scraping.ScrapeRule? Scrape { get; init; }
}
