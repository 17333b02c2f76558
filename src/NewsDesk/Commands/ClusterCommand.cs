using System.CommandLine;
using NewsDesk.Stories;

namespace NewsDesk.Commands;

/// <summary><c>cluster --in FILE --out FILE</c>: groups JSONL reports (id, title, text or lede, date) into stories.</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "JSON lines: id, title, text or lede, optional date", Required = true };
        var output = new Option<string>("--out") { Description = "JSON lines written: id, story", Required = true };
        var windowDays = new Option<double>("--window-days") { Description = "Reports further apart than this many days are different stories", DefaultValueFactory = _ => 3 };
        var command = new Command("cluster", "Group reports of the same event into stories");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(windowDays);
        command.SetAction(parseResult =>
        {
            var inPath = parseResult.GetValue(input)!;
            if (!File.Exists(inPath))
            {
                Console.Error.WriteLine($"newsdesk: cluster: input file not found: {inPath}");
                return 2;
            }

            var days = parseResult.GetValue(windowDays);
            if (days < 0)
            {
                Console.Error.WriteLine($"newsdesk: cluster: --window-days must not be negative (got {days}).");
                return 2;
            }

            try
            {
                var options = new StoryMatcherOptions { TimeWindow = TimeSpan.FromDays(days) };
                using var reader = File.OpenText(inPath);
                using var writer = File.CreateText(parseResult.GetValue(output)!);
                ClusterRunner.Run(reader, writer, options);
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"newsdesk: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
