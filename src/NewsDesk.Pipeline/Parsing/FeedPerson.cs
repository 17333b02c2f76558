namespace NewsDesk.Parsing;

/// <summary>An author or contributor as the feed states it; any part may be missing.</summary>
public sealed record FeedPerson(string? Name, string? Email = null, string? Uri = null);
