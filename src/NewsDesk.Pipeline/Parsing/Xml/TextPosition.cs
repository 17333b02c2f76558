namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Line and column of a character in the text being read, so that every refusal can say where. The repairs that
/// remove text (leading junk, the XML declaration, the DOCTYPE) leave its line breaks behind, so line numbers in
/// the repaired text are those of the document as received.
/// </summary>
internal static class TextPosition
{
    /// <returns>1-based line and column of <paramref name="index"/> (clamped to the text).</returns>
    public static (int Line, int Column) At(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        var before = text.AsSpan(0, index);
        var lastBreak = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, index - lastBreak);
    }

    /// <summary>Position just after the last character: where a reader that found nothing gave up.</summary>
    public static (int Line, int Column) End(string text) => At(text, text.Length);

    /// <summary>What removed text is replaced with: its line breaks only.</summary>
    public static string LinesOf(ReadOnlySpan<char> removed) => new('\n', removed.Count('\n'));
}
