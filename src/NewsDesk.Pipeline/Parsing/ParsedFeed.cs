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
}
