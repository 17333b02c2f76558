using System.Globalization;
using System.Text;

namespace NewsDesk.Evaluation.Extraction;

/// <summary>Set-level figures by the extraction-dev rule: P over non-empty outputs, R over all pages, F1 from those.</summary>
public sealed record ExtractionSummary(IReadOnlyList<ScoredPage> Pages)
{
    public double Precision => Pages.Where(p => !p.Score.IsEmpty).Select(p => p.Score.Precision).DefaultIfEmpty(0).Average();

    public double Recall => Pages.Select(p => p.Score.Recall).DefaultIfEmpty(0).Average();

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double MeanPageF1 => Pages.Select(p => p.Score.F1).DefaultIfEmpty(0).Average();

    public double MedianPageF1
    {
        get
        {
            var sorted = Pages.Select(p => p.Score.F1).Order().ToList();
            if (sorted.Count == 0)
            {
                return 0;
            }

            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public IReadOnlyList<ScoredPage> Below(double f1) => [.. Pages.Where(p => p.Score.F1 < f1).OrderBy(p => p.Score.F1)];

    public int EmptyOutputs => Pages.Count(p => p.Score.IsEmpty);

    public double TitleAccuracy => Pages.Count == 0 ? 0 : (double)Pages.Count(p => p.TitleMatches) / Pages.Count;

    public string Format(TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"pages: {Pages.Count}  elapsed: {elapsed.TotalSeconds:F1} s ({Pages.Count / Math.Max(elapsed.TotalSeconds, 1e-9):F1} pages/s)");
        text.AppendLine(c, $"P {Precision:F3}  R {Recall:F3}  F1 {F1:F3}");
        text.AppendLine(c, $"mean page F1 {MeanPageF1:F3}  median page F1 {MedianPageF1:F3}");
        text.AppendLine(c, $"empty outputs: {EmptyOutputs}  marked not-article: {Pages.Count(p => !p.IsArticle)}  title accuracy: {TitleAccuracy:P1}");
        var below = Below(0.5);
        text.AppendLine(c, $"pages below 0.5: {below.Count}{(below.Count > 0 ? " (" + string.Join(", ", below.Select(p => p.Id)) + ")" : "")}");
        text.AppendLine("worst 10:");
        foreach (var page in Pages.OrderBy(p => p.Score.F1).Take(10))
        {
            var note = page.IsArticle ? "" : $"  [not article: {page.NotArticleReason}]";
            text.AppendLine(c, $"  {page.Id}  F1 {page.Score.F1:F3}  P {page.Score.Precision:F3}  R {page.Score.Recall:F3}{note}");
        }

        return text.ToString();
    }
}
