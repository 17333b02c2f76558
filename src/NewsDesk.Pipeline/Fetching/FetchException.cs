namespace NewsDesk.Fetching;

/// <summary>A request that could not be made or completed; the message says which URL and why.</summary>
public sealed class FetchException(string message, FetchFailure kind, Exception? inner = null) : Exception(message, inner)
{
    public FetchFailure Kind { get; } = kind;
}
