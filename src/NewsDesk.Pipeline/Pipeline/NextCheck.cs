namespace NewsDesk.Pipeline;

/// <summary>
/// When a feed should next be fetched, and why. <see cref="At"/> is null for a cron feed that gave no hint: its own
/// schedule decides. Reasons: "schedule", "ttl", "max-age", "expires", "retry-after", "backoff".
/// </summary>
public sealed record NextCheck(DateTimeOffset? At, string Reason)
{
    public const string Schedule = "schedule";
    public const string RetryAfter = "retry-after";
    public const string Backoff = "backoff";
}
