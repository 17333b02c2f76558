using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Digests;

/// <summary>One story in a digest: its primary source, summary, tags with evidence, and who else reported it.</summary>
public sealed record DigestEntry
{
    public required string StoryId { get; init; }
    public required string ArticleId { get; init; }
    public required string Headline { get; init; }
    public required string Url { get; init; }
    public string? Source { get; init; }
    public string SourceKind { get; init; } = "press";
    public DateTimeOffset? Published { get; init; }
    public Summary Summary { get; init; } = new();
    public ThemeTag[] Tags { get; init; } = [];
    public string[] Parties { get; init; } = [];
    public DigestLink[] AlsoReportedBy { get; init; } = [];
    /// <summary>"page" or "feed": where the summary's text came from.</summary>
    public string TextSource { get; init; } = "page";
}
