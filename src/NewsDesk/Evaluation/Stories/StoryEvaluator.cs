using System.Text.Json;
using NewsDesk.Stories;

namespace NewsDesk.Evaluation.Stories;

/// <summary>
/// <c>eval stories</c>: clusters a labelled set's items.jsonl (title + lede, date) and scores the grouping
/// against the <c>story</c> labels, pair by pair.
/// </summary>
internal static class StoryEvaluator
{
    public const string ItemsFile = "items.jsonl";

    public static StoryEvaluation Evaluate(string dataDirectory, StoryMatcherOptions options)
    {
        var path = Path.Combine(dataDirectory, ItemsFile);
        var items = new List<StoryItem>();
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
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
                using var json = JsonDocument.Parse(line);
                var item = ClusterRunner.ToItem(json.RootElement);
                items.Add(item);
                gold[item.Id] = json.RootElement.GetProperty("story").GetString() ?? item.Id;
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"eval stories: {path} line {lineNumber}: {e.Message}", e);
            }
        }

        var predicted = ClusterRunner.Group(items, new StoryClusterer(new StoryMatcher(options)));
        var labels = items.Select(i => (gold[i.Id], predicted[i.Id])).ToList();
        return new StoryEvaluation(
            PairwiseScore.Compute(labels),
            gold.Values.Distinct(StringComparer.Ordinal).Count(),
            predicted.Values.Distinct(StringComparer.Ordinal).Count());
    }
}
