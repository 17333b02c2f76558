namespace NewsDesk.Parsing;

/// <summary>A media file attached to an entry (RSS enclosure, Atom rel=enclosure, JSON Feed attachment).</summary>
public sealed record FeedEnclosure(string Url, string? Type = null, long? Length = null);
