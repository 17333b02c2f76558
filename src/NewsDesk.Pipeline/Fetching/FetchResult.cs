using System.Net;

namespace NewsDesk.Fetching;

/// <summary>The outcome of a GET: the body bytes (already decompressed) and what the server said about caching.</summary>
public sealed record FetchResult
{
    public required HttpStatusCode Status { get; init; }
    public required Uri FinalUrl { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>From Retry-After on 429 or 503.</summary>
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>From Cache-Control max-age or Expires.</summary>
    public TimeSpan? FreshFor { get; init; }
    /// <summary>Which header <see cref="FreshFor"/> came from: "max-age" or "expires".</summary>
    public string? FreshFrom { get; init; }
    /// <summary>
    /// Set when the request was answered by a permanent redirect (301 or 308, possibly several in a row): the URL the
    /// resource now lives at. Temporary redirects after the permanent ones do not change it.
    /// </summary>
    public Uri? PermanentRedirect { get; init; }

    public bool NotModified => Status == HttpStatusCode.NotModified;
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
