namespace NewsDesk.Feeds;

/// <summary>One entry of feeds.json: a feed NewsDesk polls.</summary>
public sealed record FeedDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Uri Url { get; init; }
    public FeedKind Kind { get; init; } = FeedKind.Press;
    public required FeedSchedule Schedule { get; init; }
    public bool Enabled { get; init; } = true;
}
