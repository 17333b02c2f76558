namespace NewsDesk.Fetching;

/// <summary>A GET, with the validators from the previous response so an unchanged resource costs a 304 and no parsing.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null, string? Accept = null)
{
    /// <summary>The source's own headers (a token, a Cookie); sent only to the host of <see cref="Url"/>, never after a redirect elsewhere.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The source's own User-Agent, instead of NewsDesk's.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The source's own time limit, instead of Fetch:Timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    // Header values may be secrets; the generated ToString would print them into logs.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Url = {Url}, Headers = [{string.Join(", ", Headers.Select(h => h.Key))}]");
        return true;
    }
}
