namespace NewsDesk.Digests;

/// <summary>
/// One day's digest: "At a glance", sections by theme, each a ranked list of stories, and the day's untagged headlines
/// ("Also in the feeds"). Renderers turn it into Markdown, HTML, plain text or JSON.
/// </summary>
public sealed record Digest
{
    /// <summary>yyyy-MM-dd in <see cref="TimeZone"/>.</summary>
    public required string Date { get; init; }
    public required string TimeZone { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The desk's id, or null for the default digest of everything.</summary>
    public string? Desk { get; init; }
    public string? DeskName { get; init; }
    public int ArticleCount { get; init; }
    public int StoryCount { get; init; }
    /// <summary>The top stories, one line each.</summary>
    public GlanceLine[] AtAGlance { get; init; } = [];
    /// <summary>Stories with a theme, by theme.</summary>
    public DigestSection[] Sections { get; init; } = [];
    /// <summary>Headlines of stories with no theme: listed, never full entries. Empty when the digest leaves them out.</summary>
    public DigestLink[] AlsoInTheFeeds { get; init; } = [];

    /// <summary>"2 stories from 3 articles, and 1 more headline with no theme", as the digest's header says it.</summary>
    public string Coverage => EntryLines.Coverage(this);

    /// <summary>"NewsDesk digest for 2026-11-22", or "Trade desk digest for 2026-11-22" for a desk.</summary>
    public string Title => $"{DeskName ?? "NewsDesk"} digest for {Date}";
}
