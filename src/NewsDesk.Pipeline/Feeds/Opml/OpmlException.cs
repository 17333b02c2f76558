namespace NewsDesk.Feeds.Opml;

/// <summary>An OPML file that cannot be imported. The message names the file and the line of every bad outline.</summary>
public sealed class OpmlException(string message, Exception? inner = null) : Exception(message, inner);
