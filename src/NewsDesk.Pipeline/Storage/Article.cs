using NewsDesk.Stories;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Storage;

/// <summary>
/// An article as stored in LiteDB (collection "articles"), unique on <see cref="Url"/>. Exports and the digest
/// read this shape; docs/export-schema.md documents it for analysts.
/// </summary>
public sealed record Article
{
    public const int CurrentSchemaVersion = 2;

    /// <summary>Stable id: a hash of the canonical URL.</summary>
    public required string Id { get; init; }
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string FeedId { get; init; }
    public string SourceKind { get; init; } = "press";
    /// <summary>Publisher or site name.</summary>
    public string? Source { get; init; }
    /// <summary>Canonical URL, tracking parameters removed.</summary>
    public required string Url { get; init; }
    /// <summary>
    /// The page's stable address: its canonical link when <see cref="Extraction.Metadata.StableLink"/> accepts it, else
    /// null. The digest links it before <see cref="Url"/>, so a digest outlives a mirror or a temporary server.
    /// </summary>
    public string? Link { get; init; }
    /// <summary>The feed entry's own id (guid / atom:id).</summary>
    public string? EntryId { get; init; }
    public required string Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public DateTimeOffset Ingested { get; init; }
    public DateTimeOffset LastUpdated { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public string? LeadImage { get; init; }
    /// <summary>Main text, plain.</summary>
    public string Text { get; init; } = "";
    /// <summary>Main content, cleaned and sanitised HTML.</summary>
    public string Html { get; init; } = "";
    /// <summary>"page" when the text was extracted from the article page, "feed" when the feed's own text was kept.</summary>
    public string TextSource { get; init; } = "page";
    /// <summary>Why the feed's text was kept instead of the page's, when it was.</summary>
    public string? FallbackReason { get; init; }
    /// <summary>SHA-256 of title and text: finds the same article re-published under another URL or GUID.</summary>
    public string ContentHash { get; init; } = "";
    /// <summary>SHA-256 of the feed entry (title, summary, content, dates): an unchanged entry is not fetched again.</summary>
    public string EntryFingerprint { get; init; } = "";

    public ThemeTag[] Tags { get; init; } = [];
    /// <summary>Theme ids of <see cref="Tags"/>, kept flat so LiteDB can index them.</summary>
    public string[] Themes { get; init; } = [];
    public string[] Parties { get; init; } = [];
    public string[] Countries { get; init; } = [];
    public string[] Organisations { get; init; } = [];
    public Summary Summary { get; init; } = new();
    /// <summary>
    /// The version of the taxonomy that made <see cref="Tags"/> and the parties (<see cref="Tagging.Taxonomy.Version"/>);
    /// null for articles stored before versions were recorded. `retag` brings older ones up to date.
    /// </summary>
    public string? TaxonomyVersion { get; init; }

    public string? StoryId { get; init; }
    public StorySignature? StorySignature { get; init; }
    /// <summary>LSH band keys of <see cref="StorySignature"/>, indexed so story matching never compares every pair.</summary>
    public string[] StoryKeys { get; init; } = [];

    /// <summary>The date the article belongs to in digests: published, else ingested.</summary>
    public DateTimeOffset EffectiveDate => Published ?? Ingested;
}
