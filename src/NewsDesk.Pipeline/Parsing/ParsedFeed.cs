namespace NewsDesk.Parsing;

/// <summary>A feed after parsing and normalisation: NewsDesk's own model, whatever the wire format was.</summary>
public sealed record ParsedFeed
{
    /// <summary>Format family and version, e.g. rss20, atom10, rss10, json.</summary>
    public required string Format { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    /// <summary>RSS &lt;ttl&gt; in minutes, when the feed states one.</summary>
    public int? TtlMinutes { get; init; }
    public required IReadOnlyList<FeedEntry> Entries { get; init; }
    /// <summary>atom:id or JSON Feed id, when the feed states one.</summary>
    public string? Id { get; init; }
    /// <summary>The feed's own URL (rel=self / JSON Feed feed_url).</summary>
    public string? FeedUrl { get; init; }
    public string? Copyright { get; init; }
    public string? Generator { get; init; }
    public string? ImageUrl { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public DateTimeOffset? Published { get; init; }
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];
    public IReadOnlyList<FeedLink> Links { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>The character encoding the document was decoded with (web name, e.g. utf-8, windows-1252).</summary>
    public string? Encoding { get; init; }
}
