using NewsDesk.Evaluation.Themes;
using NewsDesk.Tagging;

using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Tagging;

/// <summary>
/// Runs the themes evaluation on ../shared/data/themes-dev when it is there. The floors are a ratchet: they sit at
/// the best figures reached so far (docs/benchmarks/tagging.md), so a rule change that loses quality fails here.
/// </summary>
public sealed class ThemeEvaluationTests
{
    private const double MicroF1Floor = 1.0;
    private const double ThemeF1Floor = 1.0;
    private const double NegativesTaggedCeiling = 0.0;

    [Fact]
    public void Dev_set_scores_stay_at_or_above_the_ratchet()
    {
        var dir = RepoPaths.RequireSharedData("themes-dev");
        var taxonomy = Taxonomy.LoadDefault();
        var items = ThemeEvaluator.LoadItems(Path.Combine(dir, "items.jsonl"));

        var scores = ThemeEvaluator.Evaluate(new ThemeTagger(taxonomy), taxonomy, items).Scores;

        Assert.True(scores.MicroF1 >= MicroF1Floor, $"micro F1 {scores.MicroF1:F3} < {MicroF1Floor}");
        foreach (var theme in scores.PerTheme)
        {
            Assert.True(theme.F1 >= ThemeF1Floor, $"{theme.Theme} F1 {theme.F1:F3} < {ThemeF1Floor}");
        }

        Assert.True(scores.NegativesTagged <= NegativesTaggedCeiling, $"negatives tagged {scores.NegativesTagged:F3}");
    }
}
