namespace NewsDesk.Fetching;

/// <summary>
/// With a proxy, the only connection NewsDesk opens is to the proxy, so the connect callback never sees the target.
/// This handler resolves each request's target host and refuses it, before anything is sent to the proxy, when any of
/// its addresses is not public. Any, not all: the proxy picks the address it connects to, so NewsDesk cannot skip the
/// inward ones the way it does on a direct connection.
/// </summary>
public sealed class ProxyTargetGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri!;
        var addresses = await AddressGuard.ResolveAsync(target.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        if (addresses.FirstOrDefault(a => !AddressGuard.IsPublic(a)) is { } inward)
        {
            throw new FetchException($"fetch: refused {target}: {target.DnsSafeHost} resolves to {inward}, a loopback, private, link-local or multicast address, so it is not sent to the proxy (set NewsDesk__Fetch__AllowPrivateNetworks=true to allow).", FetchFailure.Blocked);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
