using System.Text.Json;
using NewsDesk.Stories;
using NewsDesk.Tagging;

namespace NewsDesk.Evaluation.Themes;

/// <summary>Runs a labelled themes set (DIR/items.jsonl) through the worker's tagging and storing (<see cref="ProductionPath"/>) and scores what was stored.</summary>
internal static class ThemeEvaluator
{
    public sealed record Result(ThemeScores Scores, IReadOnlyList<(LabelledItem Item, TaggingResult Predicted)> Items);

    public static IReadOnlyList<LabelledItem> LoadItems(string path)
    {
        var items = new List<LabelledItem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                string[] Strings(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                    ? [.. v.EnumerateArray().Select(e => e.GetString() ?? "")]
                    : [];
                string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                items.Add(new LabelledItem(
                    Text("id") ?? throw new FormatException($"{path}:{lineNumber}: missing \"id\""),
                    Text("title") ?? "",
                    Text("lede") ?? Text("text"),
                    Strings("themes"),
                    Strings("parties")));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: invalid JSON: {ex.Message}", ex);
            }
        }

        return items;
    }

    public static Result Evaluate(ThemeTagger tagger, Taxonomy taxonomy, IReadOnlyList<LabelledItem> items)
    {
        // Scored: the themes the worker stored. Listed with them (for --errors): the tagger's evidence.
        var stored = ProductionPath.Run([.. items.Select(i => (i.Id, i.Title, i.Lede ?? "", (DateTimeOffset?)null))], tagger, new StoryMatcher(), TimeProvider.System.GetUtcNow());
        var tagged = items.Select(item => (item, tagger.Tag(TagInputs.From(item.Title, item.Lede, item.Lede)))).ToList();
        var predicted = stored.ToDictionary(p => p.Key, p => p.Value.Themes, StringComparer.Ordinal);
        return new Result(ThemeScorer.Score(taxonomy.ThemeNames, items, predicted), tagged);
    }
}
