namespace NewsDesk.Storage;

/// <summary>A rendered digest for one date (collection "digests"); re-running a date replaces it.</summary>
public sealed record StoredDigest
{
    /// <summary>The digest date, yyyy-MM-dd.</summary>
    public required string Id { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public int ArticleCount { get; init; }
    public int StoryCount { get; init; }
    public string Markdown { get; init; } = "";
    public string Html { get; init; } = "";
    public string Json { get; init; } = "";
}
