using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Tagging;

namespace NewsDesk.Evaluation;

/// <summary>
/// Runs labelled items (headline, lede, date) through the stages the worker runs after extraction, with the worker's
/// classes and in its order: tag (<see cref="TagInputs"/>, <see cref="ThemeTagger"/>), then story matching and storing
/// (<see cref="GroupCommitter"/> into a LiteDB store in a temporary folder). The items have no pages, so fetching and
/// extraction are the one part of the worker this does not run. What the evaluations score is what was stored.
/// </summary>
internal static class ProductionPath
{
    /// <summary>One item as it came out of the store.</summary>
    public sealed record Stored(string Id, string[] Themes, string StoryId);

    /// <summary>
    /// Items go in date order (undated last, as a feed's newest-first list is read back to front). An undated item gets
    /// <paramref name="ingestedAt"/> as its ingest time, as it would if ingested then, and stays undated for matching.
    /// </summary>
    public static IReadOnlyDictionary<string, Stored> Run(
        IReadOnlyList<(string Id, string Title, string Lede, DateTimeOffset? Date)> items, ThemeTagger tagger, StoryMatcher matcher, DateTimeOffset ingestedAt)
    {
        var folder = Directory.CreateTempSubdirectory("newsdesk-eval-");
        try
        {
            var stored = new Dictionary<string, Stored>(StringComparer.Ordinal);
            using (var store = new LiteDbNewsStore(Path.Combine(folder.FullName, "eval.db")))
            {
                var committer = new GroupCommitter(matcher, store);
                foreach (var item in items.OrderBy(i => i.Date is null).ThenBy(i => i.Date ?? DateTimeOffset.MaxValue))
                {
                    var tagging = tagger.Tag(TagInputs.From(item.Title, item.Lede, item.Lede));
                    var article = new Article
                    {
                        Id = item.Id,
                        FeedId = "eval",
                        Url = $"https://eval.invalid/{Uri.EscapeDataString(item.Id)}",
                        Title = item.Title,
                        Published = item.Date,
                        Ingested = ingestedAt,
                        LastUpdated = ingestedAt,
                        Description = item.Lede,
                        Text = item.Lede,
                        Tags = tagging.Tags,
                        Themes = [.. tagging.Tags.Select(t => t.Theme)],
                        Parties = tagging.Parties,
                        Countries = tagging.Countries,
                        Organisations = tagging.Organisations,
                    };
                    committer.CommitAsync(article).GetAwaiter().GetResult();
                }

                foreach (var item in items)
                {
                    var article = store.FindArticle(item.Id) ?? throw new InvalidOperationException($"eval: item '{item.Id}' was not stored");
                    stored[item.Id] = new Stored(item.Id, article.Themes, article.StoryId ?? item.Id);
                }
            }

            return stored;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
