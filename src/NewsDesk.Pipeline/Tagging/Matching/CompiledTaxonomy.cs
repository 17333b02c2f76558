namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Every phrase of the taxonomy and gazetteer in one automaton, each phrase mapped to the roles it plays. Theme terms
/// get one flat index across all themes (<see cref="TermStart"/> gives each theme's first), so per-article state is a
/// few arrays rather than dictionaries.
/// </summary>
internal sealed class CompiledTaxonomy
{
    private readonly PatternRole[][] _roles;

    public CompiledTaxonomy(Taxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        VocabularyNames = [.. taxonomy.Vocabularies.Keys];
        var patternIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var patterns = new List<MatcherPattern>();
        var roles = new List<List<PatternRole>>();

        void Add(string term, PatternRole role)
        {
            if (!patternIds.TryGetValue(term, out var id))
            {
                var pattern = MatcherPattern.Parse(term);
                if (pattern.Folded.Length == 0)
                {
                    return;
                }

                id = patterns.Count;
                patternIds[term] = id;
                patterns.Add(pattern);
                roles.Add([]);
            }

            roles[id].Add(role);
        }

        for (var v = 0; v < VocabularyNames.Length; v++)
        {
            foreach (var term in taxonomy.Vocabularies[VocabularyNames[v]])
            {
                Add(term, new PatternRole(PatternRoleKind.Vocabulary, v));
            }
        }

        TermStart = new int[taxonomy.Rules.Count + 1];
        var flat = new List<(string, double)>();
        for (var t = 0; t < taxonomy.Rules.Count; t++)
        {
            TermStart[t] = flat.Count;
            foreach (var term in taxonomy.Rules[t].Terms)
            {
                Add(term.Term, new PatternRole(PatternRoleKind.ThemeTerm, flat.Count));
                flat.Add(term);
            }
        }

        TermStart[^1] = flat.Count;
        Terms = [.. flat];
        var entries = taxonomy.Gazetteer.Entries;
        for (var e = 0; e < entries.Count; e++)
        {
            foreach (var alias in entries[e].Aliases)
            {
                Add(alias, new PatternRole(PatternRoleKind.Entity, e));
            }

            foreach (var demonym in entries[e].Demonyms)
            {
                Add(demonym, new PatternRole(PatternRoleKind.Demonym, e));
            }

            foreach (var capital in entries[e].Capitals)
            {
                Add(capital, new PatternRole(PatternRoleKind.Capital, e));
            }
        }

        foreach (var noun in taxonomy.CountNouns)
        {
            Add(noun, new PatternRole(PatternRoleKind.CountNoun, 0));
        }

        foreach (var suffix in taxonomy.Gazetteer.OrganisationSuffixes)
        {
            Add(suffix, new PatternRole(PatternRoleKind.OrganisationSuffix, 0));
        }

        _roles = [.. roles.Select(r => r.ToArray())];
        Matcher = new AhoCorasickMatcher(patterns);
    }

    public Taxonomy Taxonomy { get; }
    public AhoCorasickMatcher Matcher { get; }
    public string[] VocabularyNames { get; }
    public int[] TermStart { get; }
    public (string Term, double Weight)[] Terms { get; }

    public int VocabularyIndex(string name) => Array.IndexOf(VocabularyNames, name);

    public PatternRole[] Roles(int patternId) => _roles[patternId];
}
