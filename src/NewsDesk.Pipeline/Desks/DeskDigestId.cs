namespace NewsDesk.Desks;

/// <summary>
/// The stored id of a desk's digest: the date for the default digest (as before desks), "date@desk" for a desk's, so
/// each desk's digest of a day is stored, served and replaced on its own.
/// </summary>
public static class DeskDigestId
{
    private const char Separator = '@';

    public static string For(string date, string? desk) => desk is null ? date : date + Separator + desk;

    /// <summary>The date and desk (null for the default digest) of a stored id.</summary>
    public static (string Date, string? Desk) Split(string id)
    {
        var at = id.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (id, null) : (id[..at], id[(at + 1)..]);
    }
}
