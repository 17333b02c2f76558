using System.CommandLine;
using NewsDesk.Parsing;

namespace NewsDesk.Commands;

/// <summary>`feeds inspect FILE`: parse a saved feed and print what NewsDesk reads from it, as indented JSON.</summary>
internal static class FeedsInspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Path of a saved RSS, Atom, RDF or JSON Feed document" };
        var baseUrl = new Option<Uri?>("--base-url") { Description = "URL the file was fetched from, to make relative links absolute" };
        var command = new Command("inspect", "Print the parsed feed (title, items with id, title, link, dates, summary) as JSON");
        command.Arguments.Add(file);
        command.Options.Add(baseUrl);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"Feed file '{path}' does not exist.");
                return 2;
            }

            try
            {
                var feed = new FeedParser().Parse(File.ReadAllBytes(path), baseUrl: parseResult.GetValue(baseUrl));
                FeedInspector.Write(feed, Console.Out);
                return 0;
            }
            catch (FeedParseException ex)
            {
                Console.Error.WriteLine($"{path}: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
