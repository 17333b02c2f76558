using System.Globalization;

namespace NewsDesk.Evaluation.Themes;

/// <summary>Prints evaluation scores as a small table, and optionally each wrongly tagged item with its evidence.</summary>
internal static class ThemeReport
{
    public static void Write(TextWriter writer, ThemeEvaluator.Result result, bool listErrors)
    {
        var s = result.Scores;
        writer.WriteLine(Inv($"{"theme",-14} {"P",6} {"R",6} {"F1",6}   tp  fp  fn"));
        foreach (var t in s.PerTheme)
        {
            writer.WriteLine(Inv($"{t.Theme,-14} {t.Precision,6:F3} {t.Recall,6:F3} {t.F1,6:F3} {t.TruePositives,4} {t.FalsePositives,3} {t.FalseNegatives,3}"));
        }

        writer.WriteLine(Inv($"micro P {s.MicroPrecision:F3} R {s.MicroRecall:F3} F1 {s.MicroF1:F3}; macro F1 {s.MacroF1:F3}"));
        writer.WriteLine(Inv($"exact match {s.ExactMatch:F3} ({s.Items} items); negatives tagged {s.NegativesTagged:F3} ({s.Negatives} negatives)"));
        if (!listErrors)
        {
            return;
        }

        foreach (var (item, predicted) in result.Items)
        {
            var got = predicted.Tags.Select(t => t.Theme).ToHashSet();
            if (got.SetEquals(item.Themes))
            {
                continue;
            }

            writer.WriteLine();
            writer.WriteLine($"{item.Id}: gold [{string.Join(", ", item.Themes)}] got [{string.Join(", ", got)}] parties [{string.Join(", ", predicted.Parties)}]");
            writer.WriteLine($"  {item.Title}");
            foreach (var tag in predicted.Tags.Where(t => !item.Themes.Contains(t.Theme)))
            {
                writer.WriteLine(Inv($"  + {tag.Theme} {tag.Score}: {string.Join(" | ", tag.Evidence.Select(e => $"{e.Field}:{e.Phrase}"))}"));
            }
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
