using System.Diagnostics;

namespace NewsDesk.Pipeline;

/// <summary>
/// Wall-clock time per pipeline stage, summed over articles, and the total time of each stored article. Set on
/// <see cref="ArticlePipeline.Timings"/> by `bench ingest`; when unset the pipeline pays one null check per stage.
/// Thread-safe: many articles run at once.
/// </summary>
public sealed class PipelineTimings
{
    private static readonly int StageCount = Enum.GetValues<PipelineStage>().Length;

    private readonly long[] _ticks = new long[StageCount];
    private readonly int[] _counts = new int[StageCount];
    private readonly List<TimeSpan> _articles = [];
    private readonly Lock _articlesLock = new();

    public void Add(PipelineStage stage, long elapsedTicks)
    {
        Interlocked.Add(ref _ticks[(int)stage], elapsedTicks);
        Interlocked.Increment(ref _counts[(int)stage]);
    }

    public void AddArticle(TimeSpan elapsed)
    {
        lock (_articlesLock)
        {
            _articles.Add(elapsed);
        }
    }

    /// <summary>Summed wall-clock time of the stage over every article (stages of different articles overlap).</summary>
    public TimeSpan Total(PipelineStage stage) => TimeSpan.FromSeconds(Volatile.Read(ref _ticks[(int)stage]) / (double)Stopwatch.Frequency);

    public int Count(PipelineStage stage) => Volatile.Read(ref _counts[(int)stage]);

    /// <summary>Start-to-stored time of every stored article, in completion order.</summary>
    public IReadOnlyList<TimeSpan> Articles()
    {
        lock (_articlesLock)
        {
            return [.. _articles];
        }
    }
}
