namespace NewsDesk.Evaluation.Extraction;

/// <summary>One page's precision, recall and F1 over word 4-grams.</summary>
public sealed record PageScore(double Precision, double Recall, double F1, bool IsEmpty)
{
    public static PageScore FromCounts(long tp, long fp, long fn, bool isEmpty)
    {
        if (fp == 0 && fn == 0)
        {
            return new PageScore(1, 1, 1, isEmpty);
        }

        double total = tp + fp + fn;
        double t = tp / total, f = fp / total, n = fn / total;
        var precision = t + f == 0 ? 0 : t / (t + f);
        var recall = t + n == 0 ? 0 : t / (t + n);
        var f1 = 2 * t + f + n == 0 ? 0 : 2 * t / (2 * t + f + n);
        return new PageScore(precision, recall, isEmpty ? 0 : f1, isEmpty);
    }
}
