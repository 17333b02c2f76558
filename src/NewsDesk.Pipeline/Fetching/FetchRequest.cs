namespace NewsDesk.Fetching;

/// <summary>A GET, with the validators from the previous response so an unchanged resource costs a 304 and no parsing.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null, string? Accept = null);
