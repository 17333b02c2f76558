namespace NewsDesk.Feeds.Opml;

/// <summary>One feed outline of an OPML subscription list, with the folder path it sits in and its line in the file.</summary>
public sealed record OpmlFeed(string Title, Uri XmlUrl, Uri? HtmlUrl, string? Category, int Line);
