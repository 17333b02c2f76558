namespace NewsDesk.Pipeline;

/// <summary>
/// The longest text an article keeps in each field, in characters; longer text is cut at a character boundary and
/// ends in "…". The caps keep every stored document far below LiteDB's 16 MB document limit (text and cleaned HTML
/// at three UTF-8 bytes a character at most come to 9 MB), and a hostile feed's 10 MB title from costing memory in
/// every later stage. They are applied when a feed is parsed and again before an article is stored (README, "Limits").
/// </summary>
public static class FieldCaps
{
    public const int Title = 1_000;
    public const int Byline = 500;
    public const int Description = 2_000;
    public const int Text = 1_000_000;
    public const int Html = 2_000_000;

    public static string? Cap(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }

        // Never split a surrogate pair: half of one is not text and fails the UTF-8 encoder.
        var cut = char.IsHighSurrogate(value[max - 2]) ? max - 2 : max - 1;
        return string.Concat(value.AsSpan(0, cut).TrimEnd(), "…");
    }
}
