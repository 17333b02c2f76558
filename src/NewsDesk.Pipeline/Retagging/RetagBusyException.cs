namespace NewsDesk.Retagging;

/// <summary>Another retag holds the store (<see cref="Retagger.TryHold"/>): a worker's, through its API, or another CLI's.</summary>
public sealed class RetagBusyException()
    : InvalidOperationException("another retag is running on this store (a worker's or another `retag`); GET /api/admin/retag on the worker shows its progress");
