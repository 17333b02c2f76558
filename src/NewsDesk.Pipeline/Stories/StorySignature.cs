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

    /// <summary>
    /// The countries the headline names (canonical names): the parties of the story. Empty when the headline
    /// names none, or for signatures stored before this existed; matching then falls back to <see cref="Entities"/>.
    /// </summary>
    public string[] TitleCountries { get; init; } = [];

    /// <summary>
    /// Full dates the text names ("On May 17, 2024, ..."), as yyyy-MM-dd: a report written days after an event
    /// still names its date, so the time window also holds between a report's date and the dates the other names.
    /// </summary>
    public string[] MentionedDates { get; init; } = [];

    /// <summary>Sums of money the headline and lede quote, in millions (<see cref="Stories.MentionedAmounts"/>). Empty for signatures stored before this existed.</summary>
    public string[] Amounts { get; init; } = [];

    /// <summary>The kinds of event the headline and lede name (<see cref="Stories.EventKinds"/>). Empty for signatures stored before this existed.</summary>
    public string[] EventKinds { get; init; } = [];

    /// <summary>Where the meetings the headline and lede tell of took place (<see cref="Stories.Venues"/>). Empty for signatures stored before this existed.</summary>
    public string[] Venues { get; init; } = [];
}
