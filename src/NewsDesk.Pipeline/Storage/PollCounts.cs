namespace NewsDesk.Storage;

/// <summary>What one poll of a feed did to the store.</summary>
public sealed record PollCounts
{
    public int New { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Failed { get; init; }
    public int FellBack { get; init; }
}
