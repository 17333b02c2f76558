using System.CommandLine;
using NewsDesk.Extraction;
using NewsDesk.Extraction.Batch;

namespace NewsDesk.Commands;

/// <summary><c>extract --in DIR --out DIR</c>: writes &lt;id&gt;.txt and &lt;id&gt;.json for each saved page.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "Folder of saved pages (<id>.html or <id>.html.gz)", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for <id>.txt (main text) and <id>.json (metadata)", Required = true };
        var command = new Command("extract", "Extract article text and metadata from saved HTML pages");
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction((ParseResult parseResult, CancellationToken ct) =>
        {
            var inDir = parseResult.GetValue(input)!;
            if (!Directory.Exists(inDir))
            {
                Console.Error.WriteLine($"newsdesk: input folder not found: {inDir}");
                return Task.FromResult(2);
            }

            var count = new ExtractDirectoryRunner(new ArticleExtractor()).Run(inDir, parseResult.GetValue(output)!, ct);
            Console.WriteLine($"extracted {count} pages");
            return Task.FromResult(0);
        });
        return command;
    }
}
