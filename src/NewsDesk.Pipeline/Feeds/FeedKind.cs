namespace NewsDesk.Feeds;

/// <summary>Who publishes a feed. A government page outranks press coverage of it when stories pick a primary source.</summary>
public enum FeedKind
{
    Press,
    Government,
}
