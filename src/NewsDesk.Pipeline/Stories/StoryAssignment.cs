namespace NewsDesk.Stories;

/// <summary>What <see cref="StoryGrouper"/> decided for one report: its signature and keys (stored with it) and its story.</summary>
public sealed record StoryAssignment(StorySignature Signature, string[] Keys, string StoryId);
