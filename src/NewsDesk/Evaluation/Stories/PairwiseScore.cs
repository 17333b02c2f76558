namespace NewsDesk.Evaluation.Stories;

/// <summary>
/// Pairwise clustering score: over all pairs of items, a pair is positive when both sit in one story.
/// Precision = predicted pairs that are gold pairs; recall = gold pairs that were predicted.
/// </summary>
internal sealed record PairwiseScore(int Items, int GoldPairs, int PredictedPairs, int CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : CorrectPairs / (double)PredictedPairs;
    public double Recall => GoldPairs == 0 ? 1 : CorrectPairs / (double)GoldPairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairwiseScore Compute(IReadOnlyList<(string Gold, string Predicted)> labels)
    {
        int gold = 0, predicted = 0, correct = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var sameGold = labels[i].Gold == labels[j].Gold;
                var samePredicted = labels[i].Predicted == labels[j].Predicted;
                gold += sameGold ? 1 : 0;
                predicted += samePredicted ? 1 : 0;
                correct += sameGold && samePredicted ? 1 : 0;
            }
        }

        return new PairwiseScore(labels.Count, gold, predicted, correct);
    }
}
