using NewsDesk.Tagging.Entities;

namespace NewsDesk.Tagging.Matching;

/// <summary>
/// Everything one pass of the automaton found in an article: vocabulary and theme-term hits, gazetteer mentions,
/// counted groups ("28 countries") and organisation names. Built per call and never shared, so tagging is thread-safe.
/// </summary>
internal sealed class ArticleScan
{
    private ArticleScan(string[] texts, int vocabularies, int terms)
    {
        Texts = texts;
        VocabularyHits = new List<Hit>?[vocabularies];
        TermHits = new List<Hit>?[terms];
    }

    /// <summary>Title, lede and body ("" when absent).</summary>
    public string[] Texts { get; }
    public List<Hit>?[] VocabularyHits { get; }
    public List<Hit>?[] TermHits { get; }
    public List<EntityMention> Mentions { get; } = [];

    /// <summary>Capitals named (for story matching only: a venue, "talks in Seoul", is no party to the tagger).</summary>
    public List<EntityMention> Capitals { get; } = [];
    public List<(Hit Hit, int Number)> Counts { get; } = [];
    public List<(Hit Hit, string Name)> Organisations { get; } = [];

    /// <summary>The fields that frame the story (title and lede); the body too when there is no lede.</summary>
    public bool IsHead(int field) => field < 2 || Texts[1].Length == 0;

    public static ArticleScan Run(CompiledTaxonomy compiled, string[] texts)
    {
        var scan = new ArticleScan(texts, compiled.VocabularyNames.Length, compiled.Terms.Length);
        var matches = new List<PatternMatch>();
        var mentions = new List<EntityMention>();
        for (var field = 0; field < texts.Length; field++)
        {
            var text = texts[field];
            if (text.Length == 0)
            {
                continue;
            }

            matches.Clear();
            compiled.Matcher.Scan(text, matches);
            foreach (var match in matches)
            {
                var hit = new Hit(field, match.Start, match.Length);
                foreach (var role in compiled.Roles(match.PatternId))
                {
                    switch (role.Kind)
                    {
                        case PatternRoleKind.Vocabulary:
                            (scan.VocabularyHits[role.Index] ??= []).Add(hit);
                            break;
                        case PatternRoleKind.ThemeTerm:
                            // "Kumo Research" is a company, not research: a term inside a proper name is no evidence.
                            if (!ProperNames.Covers(texts, field, match.Start, match.Length, compiled.Terms[role.Index].Term))
                            {
                                (scan.TermHits[role.Index] ??= []).Add(hit);
                            }

                            break;
                        case PatternRoleKind.Entity or PatternRoleKind.Demonym:
                            var entry = compiled.Taxonomy.Gazetteer.Entries[role.Index];
                            mentions.Add(new EntityMention(entry, field, match.Start, match.Length, role.Kind == PatternRoleKind.Demonym));
                            break;
                        case PatternRoleKind.Capital:
                            scan.Capitals.Add(new EntityMention(compiled.Taxonomy.Gazetteer.Entries[role.Index], field, match.Start, match.Length, IsDemonym: false));
                            break;
                        case PatternRoleKind.CountNoun:
                            if (GroupCounter.CountBefore(text, match.Start) is { } number)
                            {
                                scan.Counts.Add((hit, number));
                            }

                            break;
                        case PatternRoleKind.OrganisationSuffix:
                            if (OrganisationFinder.NameAround(text, match.Start, match.Length) is { } span)
                            {
                                scan.Organisations.Add((new Hit(field, span.Start, span.End - span.Start), text[span.Start..span.End]));
                            }

                            break;
                    }
                }
            }
        }

        scan.Mentions.AddRange(LongestMentions(mentions));
        // A name the gazetteer knows is reported by its entry, whole and canonical. A pattern name that only joins
        // another party to it ("UK and Gulf Cooperation Council": the UK and the GCC) or adds words after it ("Council
        // of Europe Framework") goes; one that qualifies it ("Korea AI Safety Institute") is another body and stays.
        scan.Organisations.RemoveAll(o => scan.Mentions.Exists(m => m.Field == o.Hit.Field && m.Start >= o.Hit.Start
            && m.Start + m.Length <= o.Hit.Start + o.Hit.Length
            && ((m.Start + m.Length == o.Hit.Start + o.Hit.Length && JoinsBefore(texts[o.Hit.Field], o.Hit.Start, m.Start))
                || (m.Start == o.Hit.Start && !m.Entry.IsState))));
        return scan;
    }

    /// <summary>Whether the words from <paramref name="start"/> up to <paramref name="mention"/> end in "and" or "&amp;" (or are none).</summary>
    private static bool JoinsBefore(string text, int start, int mention)
    {
        var before = text.AsSpan(start, mention - start).TrimEnd();
        return before.Length == 0 || before.EndsWith(" and", StringComparison.Ordinal) || before.EndsWith(" &", StringComparison.Ordinal);
    }

    /// <summary>"Papua New Guinea" is one mention, not also "Guinea": inside one field, a mention within a longer one is dropped.</summary>
    private static IEnumerable<EntityMention> LongestMentions(List<EntityMention> mentions)
    {
        mentions.Sort((a, b) => a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var field = -1;
        var end = -1;
        foreach (var mention in mentions)
        {
            if (mention.Field == field && mention.Start + mention.Length <= end)
            {
                continue;
            }

            field = mention.Field;
            end = mention.Start + mention.Length;
            yield return mention;
        }
    }
}
