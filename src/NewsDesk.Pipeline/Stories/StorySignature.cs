namespace NewsDesk.Stories;

/// <summary>
/// What story matching compares: a MinHash sketch of the text's word shingles, a SimHash of the title and the
/// entities (countries, organisations) the article names. Stored with each article.
/// </summary>
public sealed record StorySignature
{
    public uint[] MinHash { get; init; } = [];
    public ulong TitleSimHash { get; init; }
    public string[] TitleTerms { get; init; } = [];
    public string[] Entities { get; init; } = [];
    /// <summary>
    /// Distinct content words of the title and the start of the text: two reports of one event that share
    /// few word triples (a rewrite, a short lede) still share these.
    /// </summary>
    public string[] Terms { get; init; } = [];
}
