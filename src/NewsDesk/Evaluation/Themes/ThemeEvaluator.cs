using System.Text.Json;
using NewsDesk.Tagging;

namespace NewsDesk.Evaluation.Themes;

/// <summary>Runs the product tagger over a labelled themes set (DIR/items.jsonl) and scores it.</summary>
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
        var tagged = items.Select(item => (item, tagger.Tag(TagInputs.From(item.Title, item.Lede, null)))).ToList();
        var predicted = tagged.ToDictionary(t => t.item.Id, t => t.Item2.Tags.Select(tag => tag.Theme).ToArray());
        return new Result(ThemeScorer.Score(taxonomy.ThemeNames, items, predicted), tagged);
    }
}
