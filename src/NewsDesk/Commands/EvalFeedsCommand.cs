using System.CommandLine;
using NewsDesk.Evaluation.Feeds;
using NewsDesk.Parsing;
using NewsDesk.Parsing.Baseline;

namespace NewsDesk.Commands;

/// <summary>`eval feeds --data DIR`: feed parsing conformance on the cases.jsonl / dates.jsonl corpus.</summary>
internal static class EvalFeedsCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder holding cases.jsonl and dates.jsonl (feeds-conformance corpus)", Required = true };
        var quiet = new Option<bool>("--summary") { Description = "Print the figures only, without the failure list" };
        var baseline = new Option<bool>("--baseline-feedreader") { Description = "Measure CodeHollow.FeedReader alone instead of FeedParser (for comparison)" };
        var command = new Command("feeds", "Measure feed parsing against the conformance corpus");
        command.Options.Add(data);
        command.Options.Add(quiet);
        command.Options.Add(baseline);
        command.SetAction(parseResult =>
        {
            var dir = parseResult.GetValue(data)!;
            if (!File.Exists(Path.Combine(dir, "cases.jsonl")) || !File.Exists(Path.Combine(dir, "dates.jsonl")))
            {
                Console.Error.WriteLine($"newsdesk: data folder '{dir}' does not contain cases.jsonl and dates.jsonl.");
                return 2;
            }

            var evaluator = parseResult.GetValue(baseline)
                ? new FeedConformanceEvaluator((data, _, _) => new FeedReaderBaselineParser().Parse(data))
                : new FeedConformanceEvaluator(new FeedParser());
            var report = FeedConformanceReport.Run(dir, evaluator);
            report.Write(Console.Out, listFailures: !parseResult.GetValue(quiet));
            return 0;
        });
        return command;
    }
}
