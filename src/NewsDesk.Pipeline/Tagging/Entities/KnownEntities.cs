namespace NewsDesk.Tagging.Entities;

/// <summary>
/// Whether a name (lower-case canonical, as story matching holds it) is an entry of the embedded gazetteer: a state,
/// bloc or well-known organisation that many stories name, as against a body found by its name alone ("Keio
/// University"), which few do.
/// </summary>
internal static class KnownEntities
{
    private static readonly HashSet<string> Names = [.. Gazetteer.Default.Entries.Select(e => e.Name.ToLowerInvariant())];

    public static bool IsKnown(string lowerName) => Names.Contains(lowerName);
}
