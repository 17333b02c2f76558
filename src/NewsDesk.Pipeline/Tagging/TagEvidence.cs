namespace NewsDesk.Tagging;

/// <summary>One match behind a tag: the phrase, the sentence it sits in, and where that sentence is.</summary>
public sealed record TagEvidence
{
    public required string Phrase { get; init; }
    public required string Sentence { get; init; }
    /// <summary>title, lede or body.</summary>
    public required string Field { get; init; }
    /// <summary>Character offset of the phrase within the field.</summary>
    public int Offset { get; init; }
}
