namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Folds text to the form the matcher compares: lower case, every dash to '-', curly quotes to straight ones.
/// The mapping is one character to one character, so an offset in the folded text is the offset in the original,
/// which is what lets evidence point back into the article without a second lookup table.
/// </summary>
internal static class TextNormaliser
{
    private static readonly char[] Ascii = [.. Enumerable.Range(0, 128).Select(i => char.ToLowerInvariant((char)i))];

    public static char Fold(char c) => c < 128 ? Ascii[c] : FoldOther(c);

    private static char FoldOther(char c) => c switch
    {
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u2018' or '\u2019' or '\u02BC' => '\'',
        '\u201C' or '\u201D' => '"',
        '\u00A0' or '\u2009' or '\u202F' => ' ',
        _ => char.ToLowerInvariant(c),
    };

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });

    /// <summary>Letters and digits join words; everything else (space, hyphen, apostrophe, full stop) is a boundary.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
