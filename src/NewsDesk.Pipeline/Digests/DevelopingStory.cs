namespace NewsDesk.Digests;

/// <summary>A story that continues from earlier days: when it was first reported and how many reports the digest's day added.</summary>
public sealed record DevelopingStory(DateOnly FirstReported, int NewReports);
