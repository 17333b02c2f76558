namespace NewsDesk.Tagging.Rules;

/// <summary>
/// One theme of the taxonomy as data: weighted signals that add up to a score, and the gates a text must pass
/// (required and vetoing vocabularies, party counts, blocs, other themes that take precedence). See docs/taxonomy.md.
/// </summary>
internal sealed record ThemeRule
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required double Threshold { get; init; }
    public IReadOnlyList<(string Term, double Weight)> Terms { get; init; } = [];
    public IReadOnlyList<(string Vocabulary, double Weight)> Vocabularies { get; init; } = [];
    public IReadOnlyList<string> Requires { get; init; } = [];
    public IReadOnlyList<string> Excludes { get; init; } = [];
    public IReadOnlyList<(string Vocabulary, string Unless)> ExcludesUnless { get; init; } = [];

    /// <summary>Required number of distinct state parties (countries, the EU) named; null when any number will do.</summary>
    public (int Min, int Max)? Parties { get; init; }

    /// <summary>Adds a weight when at least Min distinct state or global parties are named.</summary>
    public (int Min, double Weight)? PartySignal { get; init; }

    /// <summary>Adds a weight for a counted group ("28 countries", "sixteen companies") of at least Min.</summary>
    public (int Min, double Weight)? CountSignal { get; init; }

    /// <summary>The text must name a bloc acting as a bloc (not as one member in a list of signatories).</summary>
    public bool RequiresBloc { get; init; }

    public IReadOnlyList<Suppression> SuppressedBy { get; init; } = [];
}
