namespace NewsDesk.Evaluation.Themes;

/// <summary>The scores of GUIDE.md section 5: per-theme P/R/F1, micro and macro F1, exact match, negatives tagged.</summary>
internal sealed record ThemeScores(
    IReadOnlyList<ThemeScore> PerTheme,
    double MicroPrecision,
    double MicroRecall,
    double MicroF1,
    double MacroF1,
    double ExactMatch,
    double NegativesTagged,
    int Items,
    int Negatives);
