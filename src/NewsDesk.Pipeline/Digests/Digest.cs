namespace NewsDesk.Digests;

/// <summary>One day's digest: sections by theme, each a ranked list of stories. Renderers turn it into Markdown, HTML or JSON.</summary>
public sealed record Digest
{
    /// <summary>yyyy-MM-dd in <see cref="TimeZone"/>.</summary>
    public required string Date { get; init; }
    public required string TimeZone { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    public int ArticleCount { get; init; }
    public int StoryCount { get; init; }
    public DigestSection[] Sections { get; init; } = [];
}
