namespace NewsDesk.Tagging;

/// <summary>Themes with evidence, plus the parties and entities named in the text.</summary>
public sealed record TaggingResult
{
    public ThemeTag[] Tags { get; init; } = [];
    /// <summary>For bilateral/regional/coalition tags: the parties (canonical country or bloc names, or coalition members).</summary>
    public string[] Parties { get; init; } = [];
    public string[] Countries { get; init; } = [];
    public string[] Organisations { get; init; } = [];
}
