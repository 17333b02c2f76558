namespace NewsDesk.Tagging.Matching;

/// <summary>A phrase found in field 0 (title), 1 (lede) or 2 (body), at a character offset in that field.</summary>
internal readonly record struct Hit(int Field, int Start, int Length);
