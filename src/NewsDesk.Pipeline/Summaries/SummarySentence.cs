namespace NewsDesk.Summaries;

/// <summary>A summary sentence and its place in the source text.</summary>
public sealed record SummarySentence
{
    public required string Text { get; init; }
    /// <summary>Zero-based index of the sentence in the source text (by <see cref="Text.SentenceSplitter"/>).</summary>
    public int SentenceIndex { get; init; }
    /// <summary>Character offset and length of the sentence in the source text.</summary>
    public int Start { get; init; }
    public int Length { get; init; }
    /// <summary>URL of the article the sentence comes from.</summary>
    public string? SourceUrl { get; init; }
}
