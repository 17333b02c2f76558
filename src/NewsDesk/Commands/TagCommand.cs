using System.CommandLine;
using NewsDesk.Hosting;
using NewsDesk.Tagging;

namespace NewsDesk.Commands;

/// <summary>`tag --in FILE --out FILE [--taxonomy FILE]`: tags JSONL items with the same ThemeTagger and taxonomy the pipeline uses.</summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "JSONL input: id, title, and lede or text", Required = true };
        var output = new Option<string>("--out") { Description = "JSONL output: id, themes, evidence, parties, countries, organisations", Required = true };
        var taxonomyPath = new Option<string?>("--taxonomy") { Description = "Taxonomy JSON file (default: the embedded one)" };
        var command = new Command("tag", "Tag articles by theme, with evidence");
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(taxonomyPath);
        command.SetAction(parseResult => Run(parseResult.GetValue(input)!, parseResult.GetValue(output)!, parseResult.GetValue(taxonomyPath) ?? ConfiguredTaxonomy(), Console.Error));
        return command;
    }

    // Without --taxonomy, the taxonomy the worker tags with (NewsDesk:TaxonomyFile): `tag` used the built-in one
    // whatever the setting said, so a desk with its own themes got other tags from `tag` than from the worker.
    private static string? ConfiguredTaxonomy()
    {
        using var host = NewsDeskHost.CreateTool();
        var path = host.Services.GetRequiredService<IConfiguration>()["NewsDesk:TaxonomyFile"];
        return string.IsNullOrWhiteSpace(path) ? null : path;
    }

    internal static int Run(string inputPath, string outputPath, string? taxonomyPath, TextWriter error)
    {
        if (!File.Exists(inputPath))
        {
            error.WriteLine($"newsdesk: tag: input file {inputPath} not found.");
            return 2;
        }

        if (taxonomyPath is not null && !File.Exists(taxonomyPath))
        {
            error.WriteLine($"newsdesk: tag: taxonomy file {taxonomyPath} not found.");
            return 2;
        }

        var outputDir = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (outputDir is not null && !Directory.Exists(outputDir))
        {
            error.WriteLine($"newsdesk: tag: output folder {outputDir} not found.");
            return 2;
        }

        try
        {
            var tagger = new ThemeTagger(taxonomyPath is null ? Taxonomy.LoadDefault() : Taxonomy.Load(taxonomyPath));
            using var reader = new StreamReader(inputPath);
            using var writer = new StreamWriter(outputPath);
            var count = TagFileRunner.Run(tagger, reader, writer, inputPath);
            error.WriteLine($"tag: {count} items tagged into {outputPath}.");
            return 0;
        }
        catch (Exception ex) when (ex is TaxonomyException or FormatException or IOException)
        {
            error.WriteLine($"newsdesk: tag: {ex.Message}");
            return 1;
        }
    }
}
