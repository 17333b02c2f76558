using System.Globalization;
using System.Text;

namespace NewsDesk.Evaluation.Summaries;

/// <summary>The <c>eval summaries</c> table: one block per set, our summaries above the lead-3 baseline.</summary>
internal static class SummaryReport
{
    public static string Format(IEnumerable<SummarySetResult> results)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine("set                                    docs  method      R1-F   R2-F   RL-F  tokens");
        foreach (var result in results)
        {
            Row(text, culture, result.Name, result.Extractive, "extractive");
            Row(text, culture, "", result.Lead3, "lead-3");
            text.AppendLine(culture, $"  standfirst copied verbatim in body: {result.StandfirstInBody}/{result.Extractive.Count}; " +
                $"summarising: {result.MeanMicroseconds:F0} µs per text (mean body {result.MeanBodyCharacters:F0} chars)");
            text.AppendLine(culture, $"  opens cleanly (no dateline, byline or sentence referring back): extractive {Share(result.OpensCleanly, result.Extractive.Count)}, lead-3 {Share(result.Lead3OpensCleanly, result.Extractive.Count)}");
        }

        return text.ToString();
    }

    private static string Share(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{part}/{whole} ({(whole == 0 ? 0 : 100.0 * part / whole):F1}%)");

    private static void Row(StringBuilder text, CultureInfo culture, string name, RougeAverage average, string method) =>
        text.AppendLine(culture, $"{name,-38} {average.Count,5}  {method,-10} {average.Rouge1,5:F3}  {average.Rouge2,5:F3}  {average.RougeL,5:F3}  {average.MeanTokens,6:F1}");
}
