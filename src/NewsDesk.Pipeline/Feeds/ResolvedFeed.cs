using NewsDesk.Parsing;

namespace NewsDesk.Feeds;

/// <summary>A feed URL that was fetched and parsed; <see cref="FoundOn"/> is the page it was discovered on, if any.</summary>
public sealed record ResolvedFeed(Uri Url, ParsedFeed Feed, Uri? FoundOn);
