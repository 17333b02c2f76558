using System.Collections.Concurrent;
using System.Diagnostics;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Text;

namespace NewsDesk.Pipeline;

/// <summary>
/// The last two stages, story matching (<see cref="StoryGrouper"/>, which decides) and storing, for every article that is ready at the same moment, in one
/// LiteDB transaction (group commit). A commit costs LiteDB one log write and flush per page it changed, and the
/// articles of one group share most of their index pages, so storing them together costs a fraction of storing them
/// one by one (`bench ingest`: docs/benchmarks/performance.md).
/// <para>
/// There is no background writer: the caller that gets the turn commits everyone waiting, and the callers whose
/// article it committed find it done when their turn comes. Matching runs one article after another inside the
/// transaction, so each sees the ones before it, and two reports of one story in one group join one story.
/// </para>
/// </summary>
public sealed class GroupCommitter(StoryMatcher stories, INewsStore store)
{
    // A bound on how long one group holds the store (and API readers wait): about a second of the slowest commits seen.
    private const int MaxGroup = 64;

    /// <summary>Reports one article may move from other stories into its own by bridging them (<see cref="StoryGrouper"/>).</summary>
    internal const int MaxMergedReports = StoryGrouper.MaxMergedReports;

    private readonly ConcurrentQueue<Waiting> _waiting = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly StoryGrouper _grouper = new(stories);
    private readonly StoreStoryCandidates _candidates = new(store);

    /// <summary>
    /// Matches <paramref name="article"/> to a story and stores it; returns once it is committed, with the time it
    /// spent in each stage. Not cancellable: once queued, an article is committed by whoever holds the turn, and one
    /// that fails (say, a full disk) fails alone, with the store's error.
    /// </summary>
    public async Task<CommitTimes> CommitAsync(Article article)
    {
        var waiting = new Waiting(article, Stopwatch.GetTimestamp());
        _waiting.Enqueue(waiting);
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            while (!waiting.Done.Task.IsCompleted)
            {
                CommitGroup();
            }
        }
        finally
        {
            _turn.Release();
        }

        return await waiting.Done.Task.ConfigureAwait(false);
    }

    private void CommitGroup()
    {
        var group = new List<Waiting>(Math.Min(_waiting.Count, MaxGroup));
        while (group.Count < MaxGroup && _waiting.TryDequeue(out var next))
        {
            group.Add(next);
        }

        if (group.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            store.PrepareStoryMatching(group.Min(w => w.Article.EffectiveDate) - _grouper.LookBack);
            var times = store.Atomically(() => group.Select(w => MatchAndSave(w, started)).ToList());
            // The commit itself (the log flush) is shared: each article carries its part of it.
            var commitShare = (Stopwatch.GetTimestamp() - started - times.Sum(t => t.Match + t.Store)) / group.Count;
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.SetResult(times[i] with { Store = times[i].Store + commitShare });
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            // The whole group was rolled back. One article that cannot be stored must not take the others with it,
            // so each is tried again on its own.
            foreach (var waiting in group)
            {
                CommitAlone(waiting);
            }
        }
        catch (Exception ex)
        {
            group[0].Done.SetException(ex);
        }
    }

    private void CommitAlone(Waiting waiting)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            store.PrepareStoryMatching(waiting.Article.EffectiveDate - _grouper.LookBack);
            var times = store.Atomically(() => MatchAndSave(waiting, started));
            waiting.Done.SetResult(times with { Store = Stopwatch.GetTimestamp() - started - times.Match });
        }
        catch (Exception ex)
        {
            waiting.Done.SetException(ex);
        }
    }

    private CommitTimes MatchAndSave(Waiting waiting, long groupStarted)
    {
        var t0 = Stopwatch.GetTimestamp();
        var withStory = AssignStory(waiting.Article);
        var t1 = Stopwatch.GetTimestamp();
        store.Save(withStory);
        var t2 = Stopwatch.GetTimestamp();
        return new CommitTimes(withStory.StoryId!, groupStarted - waiting.Queued, t1 - t0, t2 - t1);
    }

    private Article AssignStory(Article article)
    {
        // Stories are matched on headline and lede, with the entities named there, exactly as `cluster` and
        // `eval stories` measure them: whole bodies on the same beat share too much vocabulary, and too many
        // countries named in passing, to tell two events apart.
        var lede = Lede(article.Description, article.Text) ?? "";
        // An article with no published date is undated for matching, as `cluster` leaves it: its effective date is
        // only its ingest time, which every report of a feed's first poll shares, so dating it by that would keep it
        // from ever joining a dated report of its story.
        var item = new StoryItem(article.Id, article.Title, lede, article.Published, StoryEntities.Find(article.Title, lede));
        var story = _grouper.Assign(item, _candidates);
        return article with { StorySignature = story.Signature, StoryKeys = story.Keys, StoryId = story.StoryId };
    }

    /// <summary>The lede is the standfirst when the page has one, else the first sentences of the text.</summary>
    private static string? Lede(string? description, string text)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            return description;
        }

        var sentences = SentenceSplitter.Split(text);
        return sentences.Count == 0 ? null : string.Join(' ', sentences.Take(2).Select(s => s.Value));
    }

    private sealed record Waiting(Article Article, long Queued)
    {
        public TaskCompletionSource<CommitTimes> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
