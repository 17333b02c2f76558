namespace NewsDesk.Filtering;

/// <summary>An item a rule dropped: its canonical URL, its entry's fingerprint when dropped, and the rule.</summary>
public sealed record DroppedItem(string Url, string Fingerprint, string Rule);
