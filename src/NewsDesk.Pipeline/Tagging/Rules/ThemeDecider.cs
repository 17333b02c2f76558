using NewsDesk.Tagging.Entities;
using NewsDesk.Tagging.Matching;

namespace NewsDesk.Tagging.Rules;

/// <summary>
/// Scores each theme from the scan and applies its gates, in taxonomy order so that a theme can defer to an earlier one
/// (a law is regulation, so not safety_ethics). Returns the assigned themes with the contributions that explain them.
/// </summary>
internal static class ThemeDecider
{
    public sealed record Decision(ThemeRule Rule, double Score, List<Contribution> Evidence);

    public static List<Decision> Decide(CompiledTaxonomy compiled, ArticleScan scan, PartyAnalysis parties)
    {
        var taxonomy = compiled.Taxonomy;
        var assigned = new List<Decision>();
        for (var t = 0; t < taxonomy.Rules.Count; t++)
        {
            var rule = taxonomy.Rules[t];
            if (!PassesGates(compiled, rule, scan, parties, assigned))
            {
                continue;
            }

            var contributions = Score(compiled, t, scan, parties);
            var score = contributions.Sum(c => c.Value);
            // Evidence an editor believes is in the headline or lede: body words alone ("security cameras",
            // "dietary guidelines" deep in a page) tag most pages on the web with something.
            if (score >= rule.Threshold && contributions.Exists(c => c.Value > 0 && scan.IsHead(c.Hit.Field)))
            {
                contributions.RemoveAll(c => c.Value <= 0 && !c.IsParty);
                contributions.Sort((a, b) => b.Value.CompareTo(a.Value));
                assigned.Add(new Decision(rule, Math.Round(score, 2), contributions));
            }
        }

        return assigned;
    }

    private static bool PassesGates(CompiledTaxonomy compiled, ThemeRule rule, ArticleScan scan, PartyAnalysis parties, List<Decision> assigned)
    {
        // Required vocabularies ("ai") count in the headline and lede only, as the guide labels: a body that names AI
        // once in passing (a fitness page's "AI coach") does not make a page about AI.
        foreach (var vocabulary in rule.Requires)
        {
            if (!InHead(scan, compiled.VocabularyIndex(vocabulary)))
            {
                return false;
            }
        }

        foreach (var vocabulary in rule.Excludes)
        {
            if (InHead(scan, compiled.VocabularyIndex(vocabulary)))
            {
                return false;
            }
        }

        foreach (var (vocabulary, unless) in rule.ExcludesUnless)
        {
            if (InHead(scan, compiled.VocabularyIndex(vocabulary)) && scan.VocabularyHits[compiled.VocabularyIndex(unless)] is null)
            {
                return false;
            }
        }

        if (rule.Parties is { } range && (parties.BilateralParties.Count < range.Min || parties.BilateralParties.Count > range.Max))
        {
            return false;
        }

        if (rule.RequiresBloc && parties.ActingBlocs.Count == 0)
        {
            return false;
        }

        foreach (var suppression in rule.SuppressedBy)
        {
            if (assigned.Any(d => d.Rule.Name == suppression.Theme) && !(parties.NonMembers >= suppression.UnlessNonMembers))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InHead(ArticleScan scan, int vocabulary) =>
        scan.VocabularyHits[vocabulary] is { } hits && hits.Exists(h => scan.IsHead(h.Field));

    private static List<Contribution> Score(CompiledTaxonomy compiled, int theme, ArticleScan scan, PartyAnalysis parties)
    {
        var weights = compiled.Taxonomy.FieldWeights;
        var rule = compiled.Taxonomy.Rules[theme];
        var result = new List<Contribution>();

        // Each term or vocabulary counts once, at its best-placed hit: repetition in a long body is not more evidence.
        // Within the best field the longest phrase shows it: "memorandum" says what was signed, "sign" does not.
        void Add(List<Hit>? hits, double weight)
        {
            if (hits is null || weight == 0)
            {
                return;
            }

            var best = hits[0];
            foreach (var hit in hits)
            {
                var field = weights.For(hit.Field).CompareTo(weights.For(best.Field));
                if (field > 0 || (field == 0 && hit.Length > best.Length))
                {
                    best = hit;
                }
            }

            result.Add(new Contribution(weight * weights.For(best.Field), best));
        }

        for (var k = compiled.TermStart[theme]; k < compiled.TermStart[theme + 1]; k++)
        {
            Add(scan.TermHits[k], compiled.Terms[k].Weight);
        }

        foreach (var (vocabulary, weight) in rule.Vocabularies)
        {
            Add(scan.VocabularyHits[compiled.VocabularyIndex(vocabulary)], weight);
        }

        if (rule.CountSignal is { } count)
        {
            Add(scan.Counts.Where(c => c.Number >= count.Min).Select(c => c.Hit).ToList() is { Count: > 0 } groups ? groups : null, count.Weight);
        }

        if (rule.PartySignal is { } party && parties.CoalitionParties.Count >= party.Min)
        {
            // Evidence is the third party named: the one that makes the group more than a pair.
            var third = parties.CoalitionParties[party.Min - 1];
            result.Add(new Contribution(party.Weight, new Hit(third.Field, third.Start, third.Length)));
        }

        // The bloc that acts is what makes an item regional; a frame word ("Process", "leaders") alone does not say it.
        if (rule.RequiresBloc)
        {
            foreach (var bloc in parties.ActingBlocs)
            {
                result.Add(new Contribution(0, new Hit(bloc.Field, bloc.Start, bloc.Length), IsParty: true));
            }
        }

        if (rule.Parties is not null)
        {
            foreach (var mention in parties.BilateralParties)
            {
                result.Add(new Contribution(0, new Hit(mention.Field, mention.Start, mention.Length), IsParty: true));
            }
        }

        return result;
    }
}
