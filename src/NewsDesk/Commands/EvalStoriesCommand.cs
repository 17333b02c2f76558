using System.CommandLine;
using NewsDesk.Evaluation.Stories;
using NewsDesk.Stories;

namespace NewsDesk.Commands;

/// <summary><c>eval stories --data DIR</c>: pairwise precision, recall and F1 of story grouping on a labelled set.</summary>
internal static class EvalStoriesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder holding items.jsonl with story labels (e.g. ../shared/data/themes-dev)", Required = true };
        var errors = new Option<bool>("--errors") { Description = "Also list the missed and the false pairs, with headlines and similarity" };
        var command = new Command("stories", "Score story grouping against labelled stories");
        command.Options.Add(data);
        command.Options.Add(errors);
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(data)!;
            if (!File.Exists(Path.Combine(directory, StoryEvaluator.ItemsFile)))
            {
                Console.Error.WriteLine($"newsdesk: eval stories: {Path.Combine(directory, StoryEvaluator.ItemsFile)} not found.");
                return 2;
            }

            try
            {
                Console.WriteLine("worker path (tag, group, store; undated items ingested now, undated for matching):");
                Console.WriteLine(StoryEvaluator.Evaluate(directory, new StoryMatcherOptions()).Format());
                Console.WriteLine("cluster (same grouper; undated items left undated):");
                Console.WriteLine(StoryEvaluator.EvaluateCluster(directory, new StoryMatcherOptions()).Format());
                if (parseResult.GetValue(errors))
                {
                    Console.WriteLine(StoryEvaluator.Errors(directory, new StoryMatcherOptions()));
                }

                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                Console.Error.WriteLine($"newsdesk: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
