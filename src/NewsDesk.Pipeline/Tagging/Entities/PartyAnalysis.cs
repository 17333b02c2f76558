using NewsDesk.Tagging.Matching;

namespace NewsDesk.Tagging.Entities;

/// <summary>
/// Who the story is between, read from the title and lede. The guide's party rules live here: demonyms count as
/// parties only in the title ("the Indonesian capital" in a lede names no party); the title's own pair wins when it
/// names two; a bloc listed among signatories is a member, not the acting bloc; the EU acts as a bloc only when no
/// country is named beside it.
/// </summary>
internal sealed class PartyAnalysis
{
    private PartyAnalysis()
    {
    }

    /// <summary>Distinct countries and the EU named in the title and lede, in order of first mention.</summary>
    public List<EntityMention> States { get; } = [];

    /// <summary>The pair (or more) a bilateral rule looks at: the title's states when it names two or more, else all.</summary>
    public List<EntityMention> BilateralParties { get; private set; } = [];

    /// <summary>States and global bodies (UN) named: the members of a possible coalition.</summary>
    public List<EntityMention> CoalitionParties { get; } = [];

    /// <summary>Blocs acting as a bloc: the subject of a regional item.</summary>
    public List<EntityMention> ActingBlocs { get; } = [];

    /// <summary>Named countries that belong to none of the acting blocs (outsiders joining a bloc instrument).</summary>
    public int NonMembers { get; private set; }

    public static PartyAnalysis Of(ArticleScan scan)
    {
        var analysis = new PartyAnalysis();
        var title = new List<EntityMention>();
        EntityMention? previous = null;
        foreach (var mention in scan.Mentions)
        {
            if (!scan.IsHead(mention.Field))
            {
                continue;
            }

            if (mention.Entry.Kind == EntityKind.Organisation)
            {
                continue;
            }

            var inList = previous is not null && previous.Field == mention.Field && IsListGap(scan.Texts[mention.Field], previous.Start + previous.Length, mention.Start);
            previous = mention;
            if (mention.IsDemonym && mention.Field != 0)
            {
                continue;
            }

            var entry = mention.Entry;
            if (entry.IsState)
            {
                AddDistinct(analysis.States, mention);
                if (mention.Field == 0)
                {
                    AddDistinct(title, mention);
                }
            }

            if (entry.IsState || entry.Kind == EntityKind.Global)
            {
                AddDistinct(analysis.CoalitionParties, mention);
            }

            if (entry.Kind == EntityKind.Bloc && !inList)
            {
                AddDistinct(analysis.ActingBlocs, mention);
            }
        }

        if (analysis.States.Count > 0 && analysis.States.All(s => s.Entry.Kind == EntityKind.Union))
        {
            AddDistinct(analysis.ActingBlocs, analysis.States[0]);
        }

        analysis.BilateralParties = title.Count >= 2 ? title : analysis.States;
        analysis.NonMembers = analysis.States.Count(s => !analysis.ActingBlocs.Any(b => b.Entry == s.Entry || b.Entry.Members.Contains(s.Entry.Name)));
        return analysis;
    }

    private static void AddDistinct(List<EntityMention> list, EntityMention mention)
    {
        if (!list.Any(m => m.Entry == mention.Entry))
        {
            list.Add(mention);
        }
    }

    /// <summary>True when only list separators (", ", " and ", ", and the ") lie between two mentions.</summary>
    private static bool IsListGap(string text, int from, int to)
    {
        if (to < from || to - from > 12)
        {
            return false;
        }

        var gap = text[from..to].Replace("and", "", StringComparison.OrdinalIgnoreCase).Replace("the", "", StringComparison.OrdinalIgnoreCase);
        return gap.All(c => c is ',' or ' ' or '&' or ';');
    }
}
