using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsDesk.Fetching;

/// <summary>
/// Every GET NewsDesk makes goes through here: honest User-Agent, conditional GET, per-host and global concurrency
/// limits, redirects followed hop by hop (a permanent move is reported), a body-size cap applied while reading
/// (after decompression) and a time limit. It returns bytes; parsing is the next stage's job.
/// </summary>
public sealed class HttpFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, TimeProvider time, RequestLimiter? limiter = null)
{
    public const string ClientName = "newsdesk";

    // The most a declared length allocates up front (a length is only a claim until the bytes come).
    private const long InitialBodyLimit = 1 << 20;

    // The array a body without a declared length starts in; it doubles as bytes arrive.
    private const int UndeclaredBodyStart = 16384;

    private readonly FetchOptions _options = options.Value;

    /// <summary>One limiter per fetcher; the fetcher is a singleton, so the limits hold across the whole process (the cluster's, given one).</summary>
    public RequestLimiter Limiter { get; } = limiter ?? new(options.Value.MaxConnectionsPerHost, options.Value.MaxConcurrentRequests);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        var url = request.Url;
        Uri? moved = null;
        var permanentSoFar = true;
        for (var hop = 0; ; hop++)
        {
            RequireHttp(url, request.Url);
            // The source's headers (tokens, cookies) go to its own host only: a redirect elsewhere must not carry them.
            var hopRequest = SameOrigin.Is(url, request.Url) ? request with { Url = url } : request with { Url = url, Headers = [] };
            var (result, location) = await FetchOnceAsync(hopRequest, ct).ConfigureAwait(false);
            if (location is null || hop >= _options.MaxRedirects)
            {
                // A redirect loop or an over-long chain ends with the last 3xx answer, which callers treat as a failure.
                return result with { PermanentRedirect = moved };
            }

            permanentSoFar &= result.Status is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
            url = location;
            if (permanentSoFar)
            {
                moved = location;
            }
        }
    }

    private static void RequireHttp(Uri url, Uri requested)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException(url == requested
                ? $"fetch: refused {url}: only http and https URLs are fetched."
                : $"fetch: refused {requested}: it redirects to {url}, which is not an http or https URL.", FetchFailure.Blocked);
        }
    }

    /// <returns>The response, and where it redirects to when it is a redirect with a Location.</returns>
    private async Task<(FetchResult Result, Uri? Location)> FetchOnceAsync(FetchRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        if (!message.Headers.TryAddWithoutValidation("User-Agent", request.UserAgent ?? _options.UserAgent))
        {
            throw new FetchException($"fetch: {request.Url}: the User-Agent is not a valid header value.", FetchFailure.Blocked);
        }

        message.Headers.Accept.ParseAdd(request.Accept ?? "*/*");
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.ETag is not null && EntityTagHeaderValue.TryParse(request.ETag, out var etag))
        {
            message.Headers.IfNoneMatch.Add(etag);
        }

        if (request.LastModified is not null && DateTimeOffset.TryParse(request.LastModified, CultureInfo.InvariantCulture, out var since))
        {
            message.Headers.IfModifiedSince = since;
        }

        // The slot is taken before the clock starts: time spent queued behind a busy host is not the server's fault.
        using var lease = await Limiter.AcquireAsync(request.Url, ct).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var limit = request.Timeout ?? _options.Timeout;
        timeout.CancelAfter(limit);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var location = RedirectTarget(response, request.Url);
            var body = response.StatusCode == HttpStatusCode.NotModified || location is not null
                ? []
                : await ReadCappedAsync(response, request.Url, timeout.Token).ConfigureAwait(false);
            var (freshFor, freshFrom) = Freshness(response);
            var result = new FetchResult
            {
                Status = response.StatusCode,
                FinalUrl = request.Url,
                Body = body,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                ETag = response.Headers.ETag?.ToString() ?? request.ETag,
                LastModified = response.Content.Headers.LastModified?.ToString("R") ?? request.LastModified,
                RetryAfter = RetryAfter(response),
                FreshFor = freshFor,
                FreshFrom = freshFrom,
            };
            return (result, location);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"fetch: {request.Url} did not answer within {limit.TotalSeconds:0} s.", FetchFailure.Timeout, ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchException blocked)
        {
            throw blocked;
        }
        catch (UriFormatException ex)
        {
            throw new FetchException($"fetch: refused {request.Url}: it redirects to a URL that is not http or https with a host.", FetchFailure.Blocked, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException($"fetch: {request.Url}: {ex.Message}", FetchFailure.Network, ex);
        }
        catch (IOException ex)
        {
            // A connection reset or cut short while the body is read comes as an IOException, not an
            // HttpRequestException: it is the feed's network failure, never to be taken for a fault of the store.
            throw new FetchException($"fetch: {request.Url}: {ex.Message}", FetchFailure.Network, ex);
        }
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri current)
    {
        var isRedirect = response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
        if (!isRedirect || response.Headers.Location is not { } location)
        {
            return null;
        }

        // A relative Location is resolved against the URL that answered; an absolute one must still be http(s) with
        // a host, which FetchAsync checks before the next hop.
        return location.IsAbsoluteUri ? location : new Uri(current, location);
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        var cap = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > cap)
        {
            throw new FetchException($"fetch: {url} declares {response.Content.Headers.ContentLength} bytes, over the {cap}-byte limit.", FetchFailure.TooLarge);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);

        // Read straight into an array of the declared length (the usual case: no growing buffer, no copy at the end).
        // Without a length, past 1 MiB (a length is only a claim until the bytes come) or when the body runs past it
        // (decompressed), the array doubles as bytes arrive, never beyond the cap.
        var body = new byte[Math.Min(response.Content.Headers.ContentLength ?? UndeclaredBodyStart, Math.Min(cap, InitialBodyLimit))];
        var probe = new byte[1];
        var length = 0;
        while (true)
        {
            if (length == body.Length)
            {
                // Full: one more byte says whether the body goes on.
                if (await stream.ReadAsync(probe, ct).ConfigureAwait(false) == 0)
                {
                    break;
                }

                if (body.Length >= cap)
                {
                    throw new FetchException($"fetch: {url} is larger than the {cap}-byte limit (after decompression).", FetchFailure.TooLarge);
                }

                Array.Resize(ref body, (int)Math.Min(Math.Max(body.Length * 2L, UndeclaredBodyStart), cap));
                body[length++] = probe[0];
                continue;
            }

            var read = await stream.ReadAsync(body.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length != body.Length)
        {
            Array.Resize(ref body, length);
        }

        return body;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta)
        {
            return delta;
        }

        return retry?.Date is { } date ? date - (response.Headers.Date ?? time.GetUtcNow()) : null;
    }

    private static (TimeSpan? FreshFor, string? From) Freshness(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
        {
            return (maxAge, "max-age");
        }

        if (response.Content.Headers.Expires is { } expires && response.Headers.Date is { } date)
        {
            return (expires - date, "expires");
        }

        return (null, null);
    }
}
