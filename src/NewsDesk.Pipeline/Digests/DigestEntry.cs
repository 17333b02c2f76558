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
    /// <summary>The primary source's site name ("GOV.UK"); its host when the page named none.</summary>
    public string? Source { get; init; }
    public string SourceKind { get; init; } = "press";
    public DateTimeOffset? Published { get; init; }
    public Summary Summary { get; init; } = new();
    public ThemeTag[] Tags { get; init; } = [];
    /// <summary>The tags' readable names, in the order of <see cref="Tags"/> (<see cref="ThemeHeadings.Label"/>).</summary>
    public string[] ThemeLabels { get; init; } = [];
    public string[] Parties { get; init; } = [];
    public string[] Organisations { get; init; } = [];
    public DigestLink[] AlsoReportedBy { get; init; } = [];
    /// <summary>Set when the story was first reported before the digest's day.</summary>
    public DevelopingStory? Developing { get; init; }
    /// <summary>The machine-written editor's note of a top story, when one is configured and the model gave one.</summary>
    public EditorsNote? EditorsNote { get; init; }
    /// <summary>"page" or "feed": where the summary's text came from.</summary>
    public string TextSource { get; init; } = "page";

    /// <summary>Outlets reporting the story on the day: the primary source and the others.</summary>
    public int SourceCount => 1 + AlsoReportedBy.Length;

    /// <summary>The entry's anchor in the HTML digest, which "At a glance" links to.</summary>
    public string Anchor => "story-" + StoryId;
}
