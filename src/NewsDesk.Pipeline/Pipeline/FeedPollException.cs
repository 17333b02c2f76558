namespace NewsDesk.Pipeline;

/// <summary>A poll that reached the server but got an error status (429, 503 with Retry-After, 404...).</summary>
public sealed class FeedPollException(string message, string kind, TimeSpan? retryAfter = null) : Exception(message)
{
    public string Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
