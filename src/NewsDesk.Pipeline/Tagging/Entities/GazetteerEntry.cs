namespace NewsDesk.Tagging.Entities;

/// <summary>One country, bloc or organisation with the names it goes by and, for blocs, its member countries.</summary>
internal sealed record GazetteerEntry(string Name, EntityKind Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Demonyms, IReadOnlySet<string> Members)
{
    public bool IsState => Kind is EntityKind.Country or EntityKind.Union;
}
