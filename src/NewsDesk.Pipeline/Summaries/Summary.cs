namespace NewsDesk.Summaries;

/// <summary>A short summary. Every sentence points back to where it came from.</summary>
public sealed record Summary
{
    /// <summary>"extractive" (sentences copied from the source) or "machine" (written by a language model).</summary>
    public string Method { get; init; } = SummaryMethods.Extractive;
    /// <summary>The model that wrote a machine summary; null for extractive ones.</summary>
    public string? Model { get; init; }
    public SummarySentence[] Sentences { get; init; } = [];

    public string Text => string.Join(' ', Sentences.Select(s => s.Text));
}
