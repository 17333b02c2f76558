namespace NewsDesk.Parsing;

/// <summary>One item of a feed, normalised: absolute link, UTC dates, text fields decoded.</summary>
public sealed record FeedEntry
{
    /// <summary>The entry's own id (guid / atom:id), or its link when it has none.</summary>
    public required string Id { get; init; }
    public string? Title { get; init; }
    /// <summary>Absolute URL of the article page (the alternate link, never rel=self or an enclosure).</summary>
    public string? Link { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    /// <summary>RSS description / Atom summary, as HTML or text.</summary>
    public string? Summary { get; init; }
    /// <summary>content:encoded / Atom content, as HTML or text.</summary>
    public string? Content { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];
    public IReadOnlyList<FeedLink> Links { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
    /// <summary>URL of the comments page (RSS &lt;comments&gt;).</summary>
    public string? Comments { get; init; }
    public string? Rights { get; init; }
}
