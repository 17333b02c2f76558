using System.Globalization;
using System.Text.Json;
using NewsDesk.Stories;
using NewsDesk.Tagging;

namespace NewsDesk.Evaluation.Stories;

/// <summary>
/// <c>eval stories</c>: runs a labelled set's items.jsonl (title + lede, date) through the worker's tagging, story
/// matching and storing (<see cref="ProductionPath"/>) and scores the stored stories against the <c>story</c> labels,
/// pair by pair.
/// </summary>
internal static class StoryEvaluator
{
    public const string ItemsFile = "items.jsonl";

    /// <summary>Through the worker's stages (<see cref="ProductionPath"/>): an undated item is ingested now and, as in the worker, undated for matching.</summary>
    public static StoryEvaluation Evaluate(string dataDirectory, StoryMatcherOptions options) =>
        Run(dataDirectory, options, production: true).Evaluation;

    /// <summary>
    /// Through <c>cluster</c>: the same grouper, with undated items left undated (a missing date never vetoes a
    /// match), as the worker leaves them: a gap to <see cref="Evaluate"/> is a difference between the two paths.
    /// </summary>
    public static StoryEvaluation EvaluateCluster(string dataDirectory, StoryMatcherOptions options) =>
        Run(dataDirectory, options, production: false).Evaluation;

    /// <summary>The missed and false pairs, with headlines, for <c>eval stories --errors</c>.</summary>
    public static string Errors(string dataDirectory, StoryMatcherOptions options) => Run(dataDirectory, options, production: true).Errors;

    private static (StoryEvaluation Evaluation, string Errors) Run(string dataDirectory, StoryMatcherOptions options, bool production)
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

        var predicted = production
            ? ProductionPath.Run([.. items.Select(i => (i.Id, i.Title, i.Text, i.Date))], new ThemeTagger(Taxonomy.LoadDefault()), new StoryMatcher(options), TimeProvider.System.GetUtcNow())
                .ToDictionary(p => p.Key, p => p.Value.StoryId, StringComparer.Ordinal)
            : ClusterRunner.Group(items, new StoryGrouper(new StoryMatcher(options)));
        var labels = items.Select(i => (gold[i.Id], predicted[i.Id])).ToList();
        var evaluation = new StoryEvaluation(
            PairwiseScore.Compute(labels),
            gold.Values.Distinct(StringComparer.Ordinal).Count(),
            predicted.Values.Distinct(StringComparer.Ordinal).Count());
        var matcher = new StoryMatcher(options);
        var signatures = items.Select(i => matcher.Sign(i.Title, i.Text, i.Entities)).ToList();
        var errors = StoryPairErrors.Format(
            [.. items.Select(i => (i.Id, i.Title, gold[i.Id], predicted[i.Id]))],
            (i, j) => string.Create(
                CultureInfo.InvariantCulture,
                $"similarity {matcher.Similarity(signatures[i], signatures[j]):F2}, same story {matcher.IsSameStory(signatures[i], items[i].Date, signatures[j], items[j].Date)}; {Facts(signatures[i])} / {Facts(signatures[j])}"));
        return (evaluation, errors);
    }

    /// <summary>What the matcher read from one report, so a reader of the errors sees why a pair was kept apart or joined.</summary>
    private static string Facts(StorySignature signature) =>
        $"[{string.Join(", ", signature.Entities)}] kinds [{string.Join(", ", signature.EventKinds)}] sums [{string.Join(", ", signature.Amounts)}] venues [{string.Join(", ", signature.Venues)}] dates [{string.Join(", ", signature.MentionedDates)}]";
}
