using System.CommandLine;
using NewsDesk.Evaluation.Summaries;

namespace NewsDesk.Commands;

/// <summary><c>eval summaries --data DIR</c>: ROUGE of extractive summaries and lead-3 against publishers' standfirsts.</summary>
internal static class EvalSummariesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder holding extraction-dev and samples (e.g. ../shared/data)", Required = true };
        var command = new Command("summaries", "Score extractive summaries against publisher standfirsts (ROUGE)");
        command.Options.Add(data);
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(data)!;
            if (!Directory.Exists(directory))
            {
                Console.Error.WriteLine($"newsdesk: eval summaries: data folder not found: {directory}");
                return 2;
            }

            try
            {
                var results = SummaryEvaluator.Evaluate(directory);
                if (results.Count == 0)
                {
                    Console.Error.WriteLine($"newsdesk: eval summaries: no {SummaryEvaluator.ExtractionDev} or samples/govuk under {directory}.");
                    return 2;
                }

                Console.Write(SummaryReport.Format(results));
                return 0;
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                Console.Error.WriteLine($"newsdesk: eval summaries: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
