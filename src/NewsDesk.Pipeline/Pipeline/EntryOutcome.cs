namespace NewsDesk.Pipeline;

/// <summary>What happened to one feed entry.</summary>
internal enum EntryOutcome
{
    New,
    Updated,
    Unchanged,
    Failed,
}
