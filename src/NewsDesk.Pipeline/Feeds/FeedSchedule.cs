namespace NewsDesk.Feeds;

/// <summary>When a feed is polled: a fixed interval or a Quartz cron expression (exactly one is set).</summary>
public sealed record FeedSchedule
{
    public TimeSpan? Interval { get; init; }
    public string? Cron { get; init; }

    public override string ToString() => Cron is not null ? $"cron '{Cron}'" : $"every {Interval}";
}
