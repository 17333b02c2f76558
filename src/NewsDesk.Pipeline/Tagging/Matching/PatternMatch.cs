namespace NewsDesk.Tagging.Matching;

/// <summary>One occurrence of a compiled pattern in a folded field.</summary>
internal readonly record struct PatternMatch(int PatternId, int Start, int Length);
