namespace NewsDesk.Benchmarking;

/// <summary>What `bench ingest` runs: F feeds of I items, optional saved pages, store path and concurrency.</summary>
internal sealed record IngestSettings
{
    public int Feeds { get; init; } = 100;

    public int Items { get; init; } = 10;

    /// <summary>A folder of saved .html/.html.gz pages to serve in turn instead of generated pages (read at run time).</summary>
    public string? PagesFolder { get; init; }

    /// <summary>Where the store goes (must not exist); default a temporary file, deleted afterwards.</summary>
    public string? Database { get; init; }

    /// <summary>Feeds polled at once: the worker's Quartz default, 10.</summary>
    public int FeedConcurrency { get; init; } = IngestBenchmark.QuartzDefaultConcurrency;

    /// <summary>Overrides NewsDesk:Pipeline:EntryConcurrency (pages of one feed fetched at once) when set.</summary>
    public int? EntryConcurrency { get; init; }
}
