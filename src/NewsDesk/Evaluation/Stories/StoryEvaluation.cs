using System.Globalization;

namespace NewsDesk.Evaluation.Stories;

/// <summary>The result of <c>eval stories</c>: the pairwise score and how many stories each side found.</summary>
internal sealed record StoryEvaluation(PairwiseScore Score, int GoldStories, int PredictedStories)
{
    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        items {Score.Items}, gold stories {GoldStories}, predicted stories {PredictedStories}
        pairs: gold {Score.GoldPairs}, predicted {Score.PredictedPairs}, correct {Score.CorrectPairs}
        pairwise precision {Score.Precision:F3}  recall {Score.Recall:F3}  F1 {Score.F1:F3}
        """);
}
