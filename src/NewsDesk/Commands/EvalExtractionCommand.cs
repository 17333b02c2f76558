using System.CommandLine;
using System.Globalization;
using NewsDesk.Evaluation.Extraction;
using NewsDesk.Extraction;

namespace NewsDesk.Commands;

/// <summary>
/// <c>eval extraction --data DIR</c>: scores the extractor on DIR/pages against DIR/expected.jsonl,
/// after checking the scorer on the reference outputs in DIR/reference when they are there.
/// </summary>
internal static class EvalExtractionCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder with pages/ and expected.jsonl (like extraction-dev)", Required = true };
        var command = new Command("extraction", "Score article extraction (word 4-gram P/R/F1) on a labelled page set");
        command.Options.Add(data);
        command.SetAction((ParseResult parseResult, CancellationToken ct) =>
        {
            var dir = parseResult.GetValue(data)!;
            if (!File.Exists(Path.Combine(dir, "expected.jsonl")) || !Directory.Exists(Path.Combine(dir, "pages")))
            {
                Console.Error.WriteLine($"newsdesk: not an extraction data folder (needs pages/ and expected.jsonl): {dir}");
                return Task.FromResult(2);
            }

            var referenceDir = Path.Combine(dir, "reference");
            if (Directory.Exists(referenceDir))
            {
                foreach (var file in Directory.EnumerateFiles(referenceDir, "*.jsonl").Order(StringComparer.Ordinal))
                {
                    var reference = ExtractionEvaluator.ScoreReference(dir, file);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"reference {Path.GetFileNameWithoutExtension(file)}: F1 {reference.F1:F3}  P {reference.Precision:F3}  R {reference.Recall:F3}  mean page F1 {reference.MeanPageF1:F3}"));
                }
            }

            var (summary, elapsed) = new ExtractionEvaluator(new ArticleExtractor()).Evaluate(dir, ct);
            Console.Write(summary.Format(elapsed));
            return Task.FromResult(0);
        });
        return command;
    }
}
