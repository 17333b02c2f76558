using Microsoft.Extensions.Logging;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Tagging;

namespace NewsDesk.Retagging;

/// <summary>
/// Re-runs tagging, parties and story matching on stored articles, after an edit of the taxonomy or of story matching:
/// `retag` and the worker's POST /api/admin/retag. Each article is tagged by the same <see cref="ThemeTagger"/> ingest
/// uses and committed through the same <see cref="GroupCommitter"/>, which matches it to a story again and stores it;
/// in the worker that is the committer ingest is using, so the two take turns. Work goes in batches, and after each
/// the position is saved (<see cref="RetagCheckpoint"/>), so a run that is killed continues where it stopped.
/// </summary>
public sealed partial class Retagger(ThemeTagger tagger, GroupCommitter committer, INewsStore store, TimeProvider time, ILogger<Retagger> logger)
{
    public const int DefaultBatchSize = 200;

    /// <summary>The store's name for the one retag that may run on it at a time, whatever process runs it.</summary>
    public const string HoldName = "retag";

    /// <summary>Takes the store's retag hold (<see cref="INewsStore.TryHold"/>); null when another retag, in any process sharing the store, has it.</summary>
    public IDisposable? TryHold() => store.TryHold(HoldName);

    /// <summary>Retags <paramref name="scope"/>; returns the whole run's summary, resumed runs included.</summary>
    /// <param name="held">The retag hold, taken by the caller with <see cref="TryHold"/>; null to take it here.</param>
    /// <exception cref="RetagBusyException">Another retag is running on the store.</exception>
    public async Task<RetagSummary> RunAsync(RetagScope scope, Action<RetagProgress>? progress, CancellationToken ct, int batchSize = DefaultBatchSize, IDisposable? held = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        // Two retags at once would each resume from the other's checkpoint and report each other's changes.
        using var hold = held ?? TryHold() ?? throw new RetagBusyException();
        var checkpoint = RetagCheckpoint.Parse(store.GetRecord(RetagCheckpoint.RecordName));
        var resumed = checkpoint is not null && checkpoint.Continues(scope, tagger.Version);
        if (resumed)
        {
            LogResumed(checkpoint!.Summary.Processed, checkpoint.Total, tagger.Version);
        }
        else
        {
            checkpoint = new RetagCheckpoint
            {
                Since = scope.Since,
                Feed = scope.Feed,
                TaxonomyVersion = tagger.Version,
                Started = time.GetUtcNow(),
                Total = Count(scope),
            };
            store.SaveRecord(RetagCheckpoint.RecordName, checkpoint.Serialize());
            LogStarted(checkpoint.Total, tagger.Version);
        }

        progress?.Invoke(new RetagProgress(checkpoint!.Summary.Processed, checkpoint.Total, resumed));
        while (NextBatch(scope, checkpoint, batchSize) is { Count: > 0 } batch)
        {
            // An article already pending was committed by a run killed before it saved its place: its "before" is kept.
            foreach (var article in batch)
            {
                checkpoint.Pending.TryAdd(article.Id, RetagBefore.Of(article));
            }

            store.SaveRecord(RetagCheckpoint.RecordName, checkpoint.Serialize());
            foreach (var article in batch)
            {
                if (ct.IsCancellationRequested)
                {
                    // Stopped (Ctrl+C, SIGTERM, the worker shutting down): what is done is kept, and the next run continues.
                    store.SaveRecord(RetagCheckpoint.RecordName, checkpoint.Serialize());
                    LogStopped(checkpoint.Summary.Processed, checkpoint.Total);
                    ct.ThrowIfCancellationRequested();
                }

                // Read again just before: in the worker a poll may have updated the article since the batch was read
                // (its new text must not be overwritten with the old), or retention deleted it (it must not come back).
                if (store.FindArticle(article.Id) is { } current)
                {
                    await RetagAsync(current, checkpoint.Pending[article.Id], checkpoint.Summary).ConfigureAwait(false);
                }

                checkpoint.Pending.Remove(article.Id);
                checkpoint.AfterDate = article.EffectiveDate;
                checkpoint.AfterId = article.Id;
            }

            // Saved after the batch's articles are committed: a kill before this line redoes the rest of the batch,
            // which gives the same tags again, and is counted against Pending.
            store.SaveRecord(RetagCheckpoint.RecordName, checkpoint.Serialize());
            progress?.Invoke(new RetagProgress(checkpoint.Summary.Processed, Math.Max(checkpoint.Total, checkpoint.Summary.Processed), resumed));
        }

        checkpoint.Finished = time.GetUtcNow();
        store.SaveRecord(RetagCheckpoint.RecordName, checkpoint.Serialize());
        LogFinished(checkpoint.Summary.Processed, checkpoint.Summary.TagsChanged, checkpoint.Summary.StoriesChanged, tagger.Version);
        return checkpoint.Summary;
    }

    /// <summary>The last checkpoint saved (running, stopped or finished), for progress reports; null when no retag ever ran.</summary>
    public RetagCheckpoint? Last() => RetagCheckpoint.Parse(store.GetRecord(RetagCheckpoint.RecordName));

    private async Task RetagAsync(Article article, RetagBefore before, RetagSummary summary)
    {
        var tagging = tagger.Tag(TagInputs.From(article.Title, Lede(article), article.Text));
        var themes = tagging.Tags.Select(t => t.Theme).ToArray();
        var retagged = article with
        {
            Tags = tagging.Tags,
            Themes = themes,
            Parties = tagging.Parties,
            Countries = tagging.Countries,
            Organisations = tagging.Organisations,
            TaxonomyVersion = tagger.Version,
        };
        var committed = await committer.CommitAsync(retagged).ConfigureAwait(false);
        var tagsChanged = !themes.SequenceEqual(before.Themes, StringComparer.Ordinal)
            || !tagging.Parties.SequenceEqual(before.Parties, StringComparer.Ordinal)
            || !tagging.Tags.Select(t => t.Score).SequenceEqual(before.Scores);
        summary.Count(before.Themes, themes, tagsChanged, committed.StoryId != before.StoryId);
    }

    /// <summary>
    /// The lede ingest tagged with: the page's standfirst. An article whose page could not be read stores the start of
    /// the feed's text as its description, but was tagged with no lede (its text split into lede and body), so that
    /// description is not passed as one.
    /// </summary>
    private static string? Lede(Article article) =>
        article.TextSource == "feed" && article.Description is { } description
            && article.Text.StartsWith(description.TrimEnd('…').TrimEnd(), StringComparison.Ordinal)
            ? null
            : article.Description;

    /// <summary>
    /// The next articles after the checkpoint, read whole before any is committed: LiteDB must not be written while a
    /// query over it is open. The query starts at the checkpoint's date, so earlier batches are not read again.
    /// </summary>
    private List<Article> NextBatch(RetagScope scope, RetagCheckpoint checkpoint, int size)
    {
        var since = checkpoint.AfterDate is { } after && (scope.Since is null || after > scope.Since) ? after : scope.Since;
        var query = new ArticleQuery { Since = since, Feeds = scope.Feed is null ? [] : [scope.Feed] };
        return [.. store.Query(query).Where(a => IsAfter(a, checkpoint)).Take(size)];
    }

    private static bool IsAfter(Article article, RetagCheckpoint checkpoint) =>
        checkpoint.AfterDate is not { } date
        || article.EffectiveDate > date
        || (article.EffectiveDate == date && string.CompareOrdinal(article.Id, checkpoint.AfterId) > 0);

    /// <summary>The scope's size, from headlines (no text read).</summary>
    private int Count(RetagScope scope) =>
        store.QueryHeadlines(new ArticleQuery { Since = scope.Since })
            .Count(a => scope.Feed is null || string.Equals(a.FeedId, scope.Feed, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Retag started: {Total} articles, taxonomy {TaxonomyVersion}")]
    private partial void LogStarted(int total, string taxonomyVersion);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Retag resumed after {Processed} of {Total} articles, taxonomy {TaxonomyVersion}")]
    private partial void LogResumed(int processed, int total, string taxonomyVersion);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "Retag stopped after {Processed} of {Total} articles; the next retag continues from there")]
    private partial void LogStopped(int processed, int total);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Retag finished: {Processed} articles, {TagsChanged} with other tags, {StoriesChanged} in another story, taxonomy {TaxonomyVersion}")]
    private partial void LogFinished(int processed, int tagsChanged, int storiesChanged, string taxonomyVersion);
}
