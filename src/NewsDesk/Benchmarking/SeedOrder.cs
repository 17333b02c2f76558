namespace NewsDesk.Benchmarking;

/// <summary>How <see cref="SyntheticStore"/> lays articles out in the file.</summary>
public enum SeedOrder
{
    /// <summary>In ingest order, as the worker stores them: the file's order follows the date order, with local jitter.</summary>
    Ingest,

    /// <summary>In an order unrelated to their dates (e.g. a store merged from others): the slowest to read in date order.</summary>
    Shuffled,
}
