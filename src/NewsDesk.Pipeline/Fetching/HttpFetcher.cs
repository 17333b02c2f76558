using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsDesk.Fetching;

/// <summary>
/// Every GET NewsDesk makes goes through here: honest User-Agent, conditional GET, a body-size cap applied while
/// reading (after decompression) and a time limit. It returns bytes; parsing is the next stage's job.
/// </summary>
public sealed class HttpFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, TimeProvider time)
{
    public const string ClientName = "newsdesk";

    private readonly FetchOptions _options = options.Value;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        if (request.Url.Scheme != Uri.UriSchemeHttp && request.Url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException($"fetch: refused {request.Url}: only http and https URLs are fetched.", FetchFailure.Blocked);
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        message.Headers.Accept.ParseAdd(request.Accept ?? "*/*");
        if (request.ETag is not null && EntityTagHeaderValue.TryParse(request.ETag, out var etag))
        {
            message.Headers.IfNoneMatch.Add(etag);
        }

        if (request.LastModified is not null && DateTimeOffset.TryParse(request.LastModified, out var since))
        {
            message.Headers.IfModifiedSince = since;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = response.StatusCode == HttpStatusCode.NotModified
                ? []
                : await ReadCappedAsync(response, request.Url, timeout.Token).ConfigureAwait(false);
            return new FetchResult
            {
                Status = response.StatusCode,
                FinalUrl = response.RequestMessage?.RequestUri ?? request.Url,
                Body = body,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                ETag = response.Headers.ETag?.ToString() ?? request.ETag,
                LastModified = response.Content.Headers.LastModified?.ToString("R") ?? request.LastModified,
                RetryAfter = RetryAfter(response),
                FreshFor = FreshFor(response),
            };
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new FetchException($"fetch: {request.Url} did not answer within {_options.Timeout.TotalSeconds:0} s.", FetchFailure.Timeout, ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchException blocked)
        {
            throw blocked;
        }
        catch (UriFormatException ex)
        {
            // A redirect to a URL without a usable host (e.g. Location: file:///etc/passwd) fails inside HttpClient's
            // redirect handling; it is a refusal, not a crash of the caller.
            throw new FetchException($"fetch: refused {request.Url}: it redirects to a URL that is not http or https with a host.", FetchFailure.Blocked, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException($"fetch: {request.Url}: {ex.Message}", FetchFailure.Network, ex);
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        var cap = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > cap)
        {
            throw new FetchException($"fetch: {url} declares {response.Content.Headers.ContentLength} bytes, over the {cap}-byte limit.", FetchFailure.TooLarge);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw new FetchException($"fetch: {url} is larger than the {cap}-byte limit (after decompression).", FetchFailure.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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

    private static TimeSpan? FreshFor(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge)
        {
            return maxAge;
        }

        if (response.Content.Headers.Expires is { } expires && response.Headers.Date is { } date)
        {
            return expires - date;
        }

        return null;
    }
}
