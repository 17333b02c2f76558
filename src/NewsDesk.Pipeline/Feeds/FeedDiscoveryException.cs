namespace NewsDesk.Feeds;

/// <summary>A URL given to `feeds add` that is neither a readable feed nor a page that points to one; the message says why.</summary>
public sealed class FeedDiscoveryException(string message, Exception? inner = null) : Exception(message, inner);
