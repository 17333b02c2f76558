namespace NewsDesk.Digests;

/// <summary>A theme's stories in a digest. <see cref="Theme"/> is "other" for stories with no theme.</summary>
public sealed record DigestSection
{
    public required string Theme { get; init; }
    public required string Heading { get; init; }
    public DigestEntry[] Entries { get; init; } = [];
}
