namespace NewsDesk.Feeds;

/// <summary>feeds.json is missing, malformed, or has an entry that cannot be used. The message names the file, entry and field.</summary>
public sealed class FeedCatalogException(string message, Exception? inner = null) : Exception(message, inner);
