using NewsDesk.Tagging.Entities;
using NewsDesk.Tagging.Matching;
using NewsDesk.Tagging.Rules;
using NewsDesk.Text;

namespace NewsDesk.Tagging;

/// <summary>
/// Tags an article with themes and the evidence behind each: the phrase, its sentence, the field and the offset. All
/// taxonomy and gazetteer phrases are compiled once into one automaton, so an article is read in a single pass. The
/// tagger holds no per-call state, so one instance can serve concurrent <see cref="Tag"/> calls.
/// </summary>
public sealed class ThemeTagger
{
    /// <summary>Enough evidence to explain a tag at a glance; the rest is in the score.</summary>
    private const int MaxEvidence = 5;

    private readonly CompiledTaxonomy _compiled;

    public ThemeTagger(Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        _compiled = new CompiledTaxonomy(taxonomy);
    }

    public TaggingResult Tag(TagInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string[] texts = [input.Title ?? "", input.Lede ?? "", input.Body ?? ""];
        var scan = ArticleScan.Run(_compiled, texts);
        var parties = PartyAnalysis.Of(scan);
        var decisions = ThemeDecider.Decide(_compiled, scan, parties);
        var sentences = new IReadOnlyList<TextSpan>?[texts.Length];

        var tags = decisions.Select(d => new ThemeTag
        {
            Theme = d.Rule.Name,
            Score = d.Score,
            Evidence = [.. d.Evidence.Take(MaxEvidence).Select(c => Evidence(texts, sentences, c.Hit))],
        }).ToArray();

        return new TaggingResult
        {
            Tags = tags,
            Parties = PartiesOf(decisions, parties, scan),
            Countries = [.. scan.Mentions.Where(m => m.Entry.Kind == EntityKind.Country).Select(m => m.Entry.Name).Distinct()],
            Organisations = OrganisationsOf(scan),
        };
    }

    private static TagEvidence Evidence(string[] texts, IReadOnlyList<TextSpan>?[] sentences, Hit hit)
    {
        var text = texts[hit.Field];
        var spans = sentences[hit.Field] ??= SentenceSplitter.Split(text);
        var sentence = spans.FirstOrDefault(s => s.Start <= hit.Start && hit.Start < s.Start + s.Length).Value ?? text;
        return new TagEvidence
        {
            Phrase = text.Substring(hit.Start, hit.Length),
            Sentence = sentence,
            Field = FieldWeights.Names[hit.Field],
            Offset = hit.Start,
        };
    }

    private static string[] PartiesOf(List<ThemeDecider.Decision> decisions, PartyAnalysis parties, ArticleScan scan)
    {
        var result = new List<string>();
        bool Has(string theme) => decisions.Exists(d => d.Rule.Name == theme);
        if (Has("bilateral"))
        {
            result.AddRange(parties.BilateralParties.Select(m => m.Entry.Name));
        }

        if (Has("regional"))
        {
            result.AddRange(parties.ActingBlocs.Select(m => m.Entry.Name));
        }

        if (Has("coalition"))
        {
            result.AddRange(parties.CoalitionParties.Select(m => m.Entry.Name));
            result.AddRange(scan.Mentions.Where(m => scan.IsHead(m.Field) && m.Entry.Kind == EntityKind.Organisation).Select(m => m.Entry.Name));
        }

        return [.. result.Distinct()];
    }

    private static string[] OrganisationsOf(ArticleScan scan)
    {
        var names = scan.Mentions
            .Where(m => m.Entry.Kind is EntityKind.Organisation or EntityKind.Bloc or EntityKind.Global)
            .Select(m => (m.Field, m.Start, m.Entry.Name))
            .Concat(scan.Organisations.Select(o => (o.Hit.Field, o.Hit.Start, o.Name)))
            .OrderBy(o => o.Field).ThenBy(o => o.Start)
            .Select(o => o.Name);
        return [.. names.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
