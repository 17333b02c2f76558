using System.Text;
using NewsDesk.Extraction;

namespace NewsDesk.Feeds;

/// <summary>
/// Optional per-source settings from feeds.json: request headers (a token, with "${NAME}" taken from the environment at
/// load), User-Agent, cookies, time limit, how many items a poll reads, and an extraction rule for the source's pages.
/// </summary>
public sealed record SourceSettings
{
    public static readonly SourceSettings None = new();

    /// <summary>Sent with every request for this source (feed and article pages on the same host), values resolved.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? UserAgent { get; init; }
    /// <summary>Name and value pairs, sent as one Cookie header.</summary>
    public IReadOnlyDictionary<string, string> Cookies { get; init; } = new Dictionary<string, string>();
    public TimeSpan? Timeout { get; init; }
    public int? MaxItems { get; init; }
    public ExtractRule? Extract { get; init; }

    /// <summary>
    /// Only in a list loaded for showing (`feeds list`): "headers.NAME" or "cookies.NAME" whose value uses environment
    /// variables that are not set, with those references ("${AGENCY_TOKEN}"). Such a source cannot be fetched. Not a
    /// feeds.json field, so it has no setter: the reader sets it through <see cref="WithUnsetVariables"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> UnsetVariables => _unsetVariables;

    private IReadOnlyDictionary<string, string> _unsetVariables = new Dictionary<string, string>();

    internal SourceSettings WithUnsetVariables(IReadOnlyDictionary<string, string> unset) =>
        unset.Count == 0 ? this : this with { _unsetVariables = unset };

    /// <summary>The Cookie header value, or null without cookies.</summary>
    public string? CookieHeader => Cookies.Count == 0 ? null : string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Headers and cookies for the request, the secrets among them included: never print this.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders() =>
        [.. Headers, .. CookieHeader is { } cookie ? [new KeyValuePair<string, string>("Cookie", cookie)] : Array.Empty<KeyValuePair<string, string>>()];

    /// <summary>The request with this source's headers, cookies, User-Agent and time limit.</summary>
    public Fetching.FetchRequest ApplyTo(Fetching.FetchRequest request) =>
        ReferenceEquals(this, None) ? request : request with { Headers = RequestHeaders(), UserAgent = UserAgent ?? request.UserAgent, Timeout = Timeout ?? request.Timeout };

    /// <summary>Header names with their values redacted: what `feeds list`, `config show` and logs may show.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        parts.AddRange(Headers.Keys.Select(name => $"{name}: {Shown("headers." + name)}"));
        if (Cookies.Count > 0)
        {
            parts.Add($"cookies: {string.Join(", ", Cookies.Keys)} ({Redacted})");
            parts.AddRange(Cookies.Keys.Where(name => UnsetVariables.ContainsKey("cookies." + name)).Select(name => $"cookie {name}: {Shown("cookies." + name)}"));
        }

        if (UserAgent is not null)
        {
            parts.Add($"userAgent: {UserAgent}");
        }

        if (Timeout is { } timeout)
        {
            parts.Add($"timeout: {timeout}");
        }

        if (MaxItems is { } max)
        {
            parts.Add($"maxItems: {max}");
        }

        if (Extract is { } rule)
        {
            parts.Add($"extract: {rule.Body}" + (rule.Remove.Count > 0 ? $" minus {string.Join(", ", rule.Remove)}" : string.Empty));
        }

        return string.Join("; ", parts);
    }

    public const string Redacted = "***";

    /// <summary>A value is shown as "***", or, when its variable is unset, as the reference ("${NAME} (unset)"), which holds no secret.</summary>
    private string Shown(string field) => UnsetVariables.TryGetValue(field, out var references) ? $"{references} (unset)" : Redacted;

    // The generated ToString would print header and cookie values into any log line or exception that shows the feed.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(Describe());
        return true;
    }
}
