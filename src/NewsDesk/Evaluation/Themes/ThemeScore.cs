namespace NewsDesk.Evaluation.Themes;

/// <summary>Precision, recall and F1 of one theme over all items.</summary>
internal sealed record ThemeScore(string Theme, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => F(Precision, Recall);

    /// <summary>0/0 counts as 1: a theme never predicted and never gold has made no mistake.</summary>
    internal static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    internal static double F(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
