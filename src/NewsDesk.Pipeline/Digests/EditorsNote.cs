namespace NewsDesk.Digests;

/// <summary>
/// A top story's two-sentence editor's note, written by a language model: every format labels it as machine-written,
/// names the model and links the reports it was written from.
/// </summary>
public sealed record EditorsNote(string Text, string Model, DigestLink[] Sources);
