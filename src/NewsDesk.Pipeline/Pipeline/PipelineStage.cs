namespace NewsDesk.Pipeline;

/// <summary>The stages of <see cref="ArticlePipeline"/> that <see cref="PipelineTimings"/> times, in pipeline order.</summary>
public enum PipelineStage
{
    /// <summary>Canonical URL, entry fingerprint and the look-up of an existing article.</summary>
    Lookup,
    Fetch,
    Extract,
    Tag,
    Summarise,
    /// <summary>Waiting for the story lock (story matching and storing run one article at a time).</summary>
    StoryLockWait,
    StoryMatch,
    Store,
}
