using System.Text.RegularExpressions;

namespace NewsDesk.Evaluation.Extraction;

/// <summary>
/// The extraction-dev scoring rule: word 4-gram multisets, tokens are runs of letters, numbers and
/// underscore (not \w, which takes combining marks and misses ², ½), counts normalised per page.
/// </summary>
public static partial class ShingleScorer
{
    private const int ShingleSize = 4;

    public static PageScore Score(string truth, string prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, predicted) in p)
        {
            var expected = t.GetValueOrDefault(shingle);
            tp += Math.Min(expected, predicted);
            fp += Math.Max(0, predicted - expected);
        }

        foreach (var (shingle, expected) in t)
        {
            fn += Math.Max(0, expected - p.GetValueOrDefault(shingle));
        }

        return PageScore.FromCounts(tp, fp, fn, isEmpty: p.Count == 0);
    }

    internal static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokens().Matches(text).Select(m => m.Value).ToArray();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0)
        {
            return shingles;
        }

        if (tokens.Length < ShingleSize)
        {
            shingles[string.Join('\u0001', tokens)] = 1;
            return shingles;
        }

        for (var i = 0; i + ShingleSize <= tokens.Length; i++)
        {
            var key = string.Join('\u0001', tokens, i, ShingleSize);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();
}
