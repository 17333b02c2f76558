namespace NewsDesk.Fetching;

/// <summary>
/// Whether two URLs share an origin (scheme, host and port): a source's own headers and cookies (a token) go only to
/// its own origin. Another port on the same host is another service, and plain http is not the https it was given for.
/// </summary>
public static class SameOrigin
{
    public static bool Is(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
