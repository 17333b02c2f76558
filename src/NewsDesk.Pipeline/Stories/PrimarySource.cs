namespace NewsDesk.Stories;

/// <summary>
/// Which report of a story to lead with: the government's own words over anyone's account of them, then the
/// earliest (the original, not a repost). Reports without a date come after dated ones; ties keep input order.
/// </summary>
public static class PrimarySource
{
    public static T Choose<T>(IEnumerable<T> reports, Func<T, bool> isGovernment, Func<T, DateTimeOffset?> date)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(isGovernment);
        ArgumentNullException.ThrowIfNull(date);

        var ranked = reports
            .OrderByDescending(isGovernment)
            .ThenBy(r => date(r) is null)
            .ThenBy(r => date(r) ?? DateTimeOffset.MaxValue);
        using var first = ranked.GetEnumerator();
        return first.MoveNext() ? first.Current : throw new ArgumentException("stories: a story needs at least one report", nameof(reports));
    }
}
