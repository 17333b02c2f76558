namespace NewsDesk.Tagging.Entities;

/// <summary>Where a gazetteer entry was named. A demonym ("Japanese") is weaker evidence of a party than the name itself.</summary>
internal sealed record EntityMention(GazetteerEntry Entry, int Field, int Start, int Length, bool IsDemonym);
