using NewsDesk.Stories;

namespace NewsDesk.Storage;

/// <summary>An article story matching may compare a new one with: what <see cref="StoryIndex"/> keeps of it.</summary>
public sealed record StoryCandidate(string Id, string StoryId, DateTimeOffset? Date, StorySignature Signature);
