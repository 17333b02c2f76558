namespace NewsDesk.Digests;

/// <summary>Another outlet's report of the same story.</summary>
public sealed record DigestLink(string Title, string Url, string? Source);
