namespace NewsDesk.Parsing;

/// <summary>A link of a feed or entry (Atom link, RSS link/atom:link), href resolved to absolute.</summary>
public sealed record FeedLink(string Href, string? Rel = null, string? Type = null, string? Title = null, long? Length = null);
