using NewsDesk.Tagging;
using NewsDesk.Tagging.Entities;
using NewsDesk.Tagging.Matching;

namespace NewsDesk.Stories;

/// <summary>
/// The parties a headline and lede name, for story matching, found by the tagger's own scan (<see cref="ArticleScan"/>
/// over the embedded gazetteer and taxonomy): states by any alias, demonym or capital, blocs, international bodies and
/// organisations, whole ("Association of Southeast Asian Nations" as ASEAN, "Carnegie Mellon University"). One entity
/// model: what a story is matched on is what the tagger reports, lower-cased. Only the head of a report is read,
/// because whole bodies on one beat name too many countries in passing to tell two events apart.
/// </summary>
public static class StoryEntities
{
    private const int MaxEntities = 24;

    private static readonly Lazy<CompiledTaxonomy> Compiled = new(() => new CompiledTaxonomy(Taxonomy.LoadDefault()));

    public static string[] Find(string title, string lede)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(lede);
        var scan = ArticleScan.Run(Compiled.Value, [title, lede, ""]);
        // Capitals stand for their state here ("Washington and Beijing agreed"); the tagger leaves them out of parties.
        var names = scan.Mentions.Concat(scan.Capitals)
            .Select(m => (m.Field, m.Start, Name: m.Entry.Name))
            .Concat(scan.Organisations.Select(o => (o.Hit.Field, o.Hit.Start, o.Name)))
            .OrderBy(n => n.Field).ThenBy(n => n.Start)
            .Select(n => n.Name.ToLowerInvariant());
        return [.. names.Distinct(StringComparer.Ordinal).Take(MaxEntities)];
    }

    /// <summary>Whether a name <see cref="Find"/> gave is a state's.</summary>
    public static bool IsState(string entity) => StateNames.IsState(entity);
}
