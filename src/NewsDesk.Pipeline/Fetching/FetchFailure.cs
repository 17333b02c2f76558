namespace NewsDesk.Fetching;

/// <summary>Why a fetch failed, coarse enough to count in metrics and show in feed status.</summary>
public enum FetchFailure
{
    Network,
    Timeout,
    TooLarge,
    Blocked,
    HttpStatus,
    UnsupportedContent,
}
