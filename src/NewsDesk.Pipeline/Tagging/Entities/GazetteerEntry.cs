namespace NewsDesk.Tagging.Entities;

/// <summary>
/// One country, bloc or organisation with the names it goes by and, for blocs, its member countries. Capitals
/// ("Washington and Beijing agreed...") stand for a state in story matching only: the tagger does not read them, since
/// a venue ("talks in Seoul") is not a party to an agreement.
/// </summary>
internal sealed record GazetteerEntry(string Name, EntityKind Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Demonyms, IReadOnlySet<string> Members, IReadOnlyList<string> Capitals)
{
    public bool IsState => Kind is EntityKind.Country or EntityKind.Union;
}
