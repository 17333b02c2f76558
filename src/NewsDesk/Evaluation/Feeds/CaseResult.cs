namespace NewsDesk.Evaluation.Feeds;

/// <summary>The outcome of one conformance case. Checkable cases have at least one comparable expectation.</summary>
internal sealed record CaseResult(string Id, string Category, bool Checkable, bool Passed, IReadOnlyList<string> Mismatches, string? Error, bool Unexpected);
