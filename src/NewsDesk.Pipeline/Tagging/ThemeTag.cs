namespace NewsDesk.Tagging;

/// <summary>A theme assigned to an article, with the score and the evidence that triggered it.</summary>
public sealed record ThemeTag
{
    public required string Theme { get; init; }
    /// <summary>0 to 1 (<see cref="TagScore"/>); the tagger's raw sum stays inside it.</summary>
    public double Score { get; init; }
    public TagEvidence[] Evidence { get; init; } = [];
}
