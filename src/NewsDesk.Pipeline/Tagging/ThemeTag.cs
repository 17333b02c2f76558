namespace NewsDesk.Tagging;

/// <summary>A theme assigned to an article, with the score and the evidence that triggered it.</summary>
public sealed record ThemeTag
{
    public required string Theme { get; init; }
    public double Score { get; init; }
    public TagEvidence[] Evidence { get; init; } = [];
}
