namespace NewsDesk.Pipeline;

/// <summary>What happened to one feed entry.</summary>
internal enum EntryOutcome
{
    New,
    Updated,
    Unchanged,
    Failed,
    /// <summary>A keep or drop rule of the source took it out; recorded in the log and metrics with the rule.</summary>
    Dropped,
}
