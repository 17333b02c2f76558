namespace NewsDesk.Tagging;

/// <summary>The text a tagger reads: the headline, the lede (first sentences or standfirst) and the rest of the body.</summary>
public sealed record TagInput(string Title, string? Lede, string? Body);
