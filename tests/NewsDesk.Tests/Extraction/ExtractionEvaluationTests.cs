using NewsDesk.Evaluation.Extraction;
using NewsDesk.Extraction;

using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Extraction;

/// <summary>
/// Scores the extractor on ../shared/data/extraction-dev when it is there. The floors are the best
/// figures reached so far (a ratchet): raise them when the extractor improves, never lower them.
/// </summary>
public sealed class ExtractionEvaluationTests
{
    private const double F1Floor = 0.946;
    private const int MaxPagesBelowHalf = 3;

    [Fact]
    public void Scorer_reproduces_the_reference_figures_of_the_data_readme()
    {
        var data = RepoPaths.RequireSharedData("extraction-dev");
        var smartReader = ExtractionEvaluator.ScoreReference(data, Path.Combine(data, "reference", "smartreader.jsonl"));
        var readability = ExtractionEvaluator.ScoreReference(data, Path.Combine(data, "reference", "readability-js.jsonl"));

        Assert.Equal(0.926, smartReader.F1, 3);
        Assert.Equal(0.908, smartReader.Precision, 3);
        Assert.Equal(0.945, smartReader.Recall, 3);
        Assert.Equal(0.917, readability.F1, 3);
        Assert.Equal(0.911, readability.MeanPageF1, 3);
    }

    [Fact]
    public void Extractor_stays_at_or_above_its_best_dev_set_score()
    {
        var (summary, _) = new ExtractionEvaluator(new ArticleExtractor()).Evaluate(RepoPaths.RequireSharedData("extraction-dev"), TestContext.Current.CancellationToken);

        Assert.True(summary.F1 >= F1Floor, $"F1 {summary.F1:F4} fell below the floor {F1Floor}");
        Assert.True(summary.Below(0.5).Count <= MaxPagesBelowHalf, $"{summary.Below(0.5).Count} pages below 0.5 (allowed {MaxPagesBelowHalf})");
    }
}
