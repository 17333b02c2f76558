using System.Diagnostics;

namespace NewsDesk.Pipeline;

/// <summary>
/// Tracing for polls: one "poll" activity per feed poll, "fetch" and "parse" for the feed document, then one "entry"
/// per feed entry with its stages (fetch, extract, tag, summarise, story, commit...) as children, so an operator sees
/// where a slow poll spent its time. The worker exports them through OpenTelemetry when a collector is configured;
/// without a listener StartActivity returns null and each call costs a check.
/// </summary>
public static class PipelineActivity
{
    public const string SourceName = "NewsDesk";

    private static readonly ActivitySource Source = new(SourceName, NewsDeskVersion.Current);

    /// <summary>
    /// Span names of the article stages. The metric (PipelineMetrics) keeps the enum's names; the trace uses the
    /// pipeline's own words, so "story" is the matching and "commit" the write.
    /// </summary>
    private static readonly string[] StageNames = [.. Enum.GetValues<PipelineStage>().Select(stage => stage switch
    {
        PipelineStage.StoryMatch => "story",
        PipelineStage.Store => "commit",
        PipelineStage.StoryLockWait => "story_lock_wait",
        _ => stage.ToString().ToLowerInvariant(),
    })];

    public static Activity? StartPoll(string feedId, Uri feedUrl)
    {
        var activity = Source.StartActivity("poll");
        activity?.SetTag("newsdesk.feed.id", feedId);
        activity?.SetTag("url.full", feedUrl.AbsoluteUri);
        return activity;
    }

    public static Activity? StartEntry(string entryId) => Source.StartActivity("entry")?.SetTag("newsdesk.entry.id", entryId);

    /// <summary>Runs one step of the poll inside its own activity, marked as an error when it throws.</summary>
    public static T Run<T>(string name, Func<T> step)
    {
        using var activity = Source.StartActivity(name);
        try
        {
            return step();
        }
        catch (Exception ex) when (Failed(activity, ex))
        {
            throw;
        }
    }

    /// <inheritdoc cref="Run{T}"/>
    public static async Task<T> RunAsync<T>(string name, Func<Task<T>> step)
    {
        using var activity = Source.StartActivity(name);
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (Failed(activity, ex))
        {
            throw;
        }
    }

    /// <summary>
    /// Records a stage that has already run, as a child of the current activity: the article pipeline times its
    /// stages with laps (PipelineTimings, the stage metric), and this reuses those laps instead of wrapping each stage.
    /// </summary>
    /// <param name="elapsedTicks">The stage's duration, in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="endedTicksAgo">How long before now the stage ended (the commit's three parts are reported together).</param>
    public static void Completed(PipelineStage stage, long elapsedTicks, long endedTicksAgo = 0)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        // Activities are stamped on the system clock (the parent's start time included), never on a test's TimeProvider.
        var end = TimeProvider.System.GetUtcNow() - Stopwatch.GetElapsedTime(0, endedTicksAgo);
        using var activity = Source.StartActivity(StageNames[(int)stage], ActivityKind.Internal, parentContext: default, startTime: end - Stopwatch.GetElapsedTime(0, elapsedTicks));
        activity?.SetEndTime(end.UtcDateTime);
    }

    /// <summary>Marks a poll as failed, with the reason an operator would read in the log.</summary>
    public static void Failed(Activity? activity, string reason) => activity?.SetStatus(ActivityStatusCode.Error, reason);

    private static bool Failed(Activity? activity, Exception ex)
    {
        activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
        return false;
    }
}
