using NewsDesk.Text;

namespace NewsDesk.Evaluation.Summaries;

/// <summary>
/// ROUGE-1, ROUGE-2 and ROUGE-L F-scores of a candidate against one reference, over lower-cased
/// <see cref="WordTokenizer"/> tokens, no stemming and no stop-word removal (so figures run a little lower than
/// the Perl ROUGE-1.5.5 with -m).
/// </summary>
internal static class Rouge
{
    public static RougeScores Score(string candidate, string reference)
    {
        var c = WordTokenizer.LowerTokens(candidate);
        var r = WordTokenizer.LowerTokens(reference);
        return new RougeScores(NGramF(c, r, 1), NGramF(c, r, 2), LcsF(c, r));
    }

    private static double NGramF(List<string> candidate, List<string> reference, int n)
    {
        var c = Counts(candidate, n);
        var r = Counts(reference, n);
        var overlap = c.Sum(pair => Math.Min(pair.Value, r.GetValueOrDefault(pair.Key)));
        return F(overlap, c.Values.Sum(), r.Values.Sum());
    }

    private static double LcsF(List<string> candidate, List<string> reference)
    {
        var previous = new int[reference.Count + 1];
        var current = new int[reference.Count + 1];
        foreach (var word in candidate)
        {
            for (var j = 1; j <= reference.Count; j++)
            {
                current[j] = word == reference[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return F(previous[reference.Count], candidate.Count, reference.Count);
    }

    private static Dictionary<string, int> Counts(List<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', tokens.GetRange(i, n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    private static double F(int overlap, int candidateTotal, int referenceTotal)
    {
        if (overlap == 0 || candidateTotal == 0 || referenceTotal == 0)
        {
            return 0;
        }

        var precision = overlap / (double)candidateTotal;
        var recall = overlap / (double)referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
