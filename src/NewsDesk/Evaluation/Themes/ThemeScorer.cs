namespace NewsDesk.Evaluation.Themes;

/// <summary>Scores predicted theme sets against gold ones, exactly as GUIDE.md section 5 describes.</summary>
internal static class ThemeScorer
{
    /// <summary>A gold item with no prediction counts as predicted with no themes.</summary>
    public static ThemeScores Score(IReadOnlyList<string> themes, IReadOnlyList<LabelledItem> gold, IReadOnlyDictionary<string, string[]> predicted)
    {
        var perTheme = new List<ThemeScore>();
        foreach (var theme in themes)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var item in gold)
            {
                var isGold = item.Themes.Contains(theme);
                var isPredicted = predicted.TryGetValue(item.Id, out var p) && p.Contains(theme);
                tp += isGold && isPredicted ? 1 : 0;
                fp += !isGold && isPredicted ? 1 : 0;
                fn += isGold && !isPredicted ? 1 : 0;
            }

            perTheme.Add(new ThemeScore(theme, tp, fp, fn));
        }

        var totalTp = perTheme.Sum(s => s.TruePositives);
        var microP = ThemeScore.Ratio(totalTp, totalTp + perTheme.Sum(s => s.FalsePositives));
        var microR = ThemeScore.Ratio(totalTp, totalTp + perTheme.Sum(s => s.FalseNegatives));
        var exact = gold.Count(item => Predicted(predicted, item).SetEquals(item.Themes));
        var negatives = gold.Where(item => item.Themes.Length == 0).ToList();
        var negativesTagged = negatives.Count(item => Predicted(predicted, item).Count > 0);
        return new ThemeScores(
            perTheme,
            microP,
            microR,
            ThemeScore.F(microP, microR),
            perTheme.Count == 0 ? 0 : perTheme.Average(s => s.F1),
            gold.Count == 0 ? 0 : (double)exact / gold.Count,
            negatives.Count == 0 ? 0 : (double)negativesTagged / negatives.Count,
            gold.Count,
            negatives.Count);
    }

    private static HashSet<string> Predicted(IReadOnlyDictionary<string, string[]> predicted, LabelledItem item) =>
        predicted.TryGetValue(item.Id, out var themes) ? [.. themes] : [];
}
