namespace NewsDesk.Retagging;

/// <summary>How far a retag is: articles done of the scope's total (as counted when the run started), and whether it continued an earlier run.</summary>
public sealed record RetagProgress(int Processed, int Total, bool Resumed);
