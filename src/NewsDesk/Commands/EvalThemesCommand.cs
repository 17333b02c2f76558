using System.CommandLine;
using System.Globalization;
using NewsDesk.Evaluation.Themes;
using NewsDesk.Tagging;

namespace NewsDesk.Commands;

/// <summary>`eval themes --data DIR [--taxonomy FILE] [--errors] [--speed]`: scores the theme tagger on DIR/items.jsonl.</summary>
internal static class EvalThemesCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder holding items.jsonl (labelled per GUIDE.md)", Required = true };
        var taxonomyPath = new Option<string?>("--taxonomy") { Description = "Taxonomy JSON file (default: the embedded one)" };
        var errors = new Option<bool>("--errors") { Description = "List every item whose predicted themes differ from gold" };
        var speed = new Option<bool>("--speed") { Description = "Also measure single-core throughput on ~5 KB articles" };
        var command = new Command("themes", "Evaluate theme tagging against a labelled set");
        command.Options.Add(data);
        command.Options.Add(taxonomyPath);
        command.Options.Add(errors);
        command.Options.Add(speed);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(data)!, parseResult.GetValue(taxonomyPath), parseResult.GetValue(errors), parseResult.GetValue(speed), Console.Out, Console.Error));
        return command;
    }

    internal static int Run(string dataDir, string? taxonomyPath, bool listErrors, bool measureSpeed, TextWriter output, TextWriter error)
    {
        var itemsPath = Path.Combine(dataDir, "items.jsonl");
        if (!File.Exists(itemsPath))
        {
            error.WriteLine($"newsdesk: eval themes: {itemsPath} not found.");
            return 2;
        }

        if (taxonomyPath is not null && !File.Exists(taxonomyPath))
        {
            error.WriteLine($"newsdesk: eval themes: taxonomy file {taxonomyPath} not found.");
            return 2;
        }

        try
        {
            var taxonomy = taxonomyPath is null ? Taxonomy.LoadDefault() : Taxonomy.Load(taxonomyPath);
            var tagger = new ThemeTagger(taxonomy);
            var items = ThemeEvaluator.LoadItems(itemsPath);
            var result = ThemeEvaluator.Evaluate(tagger, taxonomy, items);
            ThemeReport.Write(output, result, listErrors);
            if (measureSpeed)
            {
                var m = TaggingSpeed.Run(tagger, items);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"speed: {m.ArticlesPerSecond:F0} articles/s wall clock, {m.ArticlesPerCpuSecond:F0} articles per CPU-second, one thread ({m.Articles} articles, {m.AverageBodyChars:F0}-char bodies, {m.Seconds:F1} s wall, {m.CpuSeconds:F1} s CPU)"));
            }

            return 0;
        }
        catch (Exception ex) when (ex is TaxonomyException or FormatException)
        {
            error.WriteLine($"newsdesk: eval themes: {ex.Message}");
            return 1;
        }
    }
}
