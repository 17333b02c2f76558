namespace NewsDesk.Retagging;

/// <summary>Which stored articles a retag reaches: those dated from <see cref="Since"/> on, of feed <see cref="Feed"/>; null means all.</summary>
public sealed record RetagScope(DateTimeOffset? Since, string? Feed)
{
    public static readonly RetagScope All = new(null, null);
}
