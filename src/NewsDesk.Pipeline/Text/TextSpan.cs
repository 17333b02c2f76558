namespace NewsDesk.Text;

/// <summary>A sentence (or other piece) of a text, with its offset and length in that text.</summary>
public readonly record struct TextSpan(int Start, int Length, string Value);
