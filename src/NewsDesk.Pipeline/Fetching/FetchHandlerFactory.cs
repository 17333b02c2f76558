using System.Net;
using System.Net.Sockets;

namespace NewsDesk.Fetching;

/// <summary>
/// Builds the primary handler under the "newsdesk" HttpClient: decompression, connection limits, the proxy when one is
/// configured, and the address guard on every target.
/// </summary>
public static class FetchHandlerFactory
{
    public static HttpMessageHandler Create(FetchOptions options)
    {
        var proxy = options.Proxy;
        var sockets = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            // HttpFetcher follows redirects itself: it must see each hop to notice a permanent move, and to take a
            // per-host slot for the host each hop goes to.
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.MaxConnectionsPerHost,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseCookies = false,
            // HTTP_PROXY and friends are ignored: a proxy is used only when NewsDesk:Fetch:Proxy names one, so that the
            // guard always knows whether the connection it checks is the target or the proxy.
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : new WebProxy(proxy),
            ConnectCallback = (context, ct) => ConnectAsync(context, options.AllowPrivateNetworks || IsProxy(context.DnsEndPoint, proxy), ct),
        };

        // The proxy is the operator's own setting and trusted; the targets behind it are checked before they reach it.
        return proxy is null || options.AllowPrivateNetworks ? sockets : new ProxyTargetGuard { InnerHandler = sockets };
    }

    private static bool IsProxy(DnsEndPoint endpoint, Uri? proxy) =>
        proxy is not null && endpoint.Port == proxy.Port && string.Equals(endpoint.Host, proxy.DnsSafeHost, StringComparison.OrdinalIgnoreCase);

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await AddressGuard.ResolveAsync(host, ct).ConfigureAwait(false);
        var allowed = allowPrivate ? addresses : addresses.Where(AddressGuard.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new FetchException($"fetch: refused to connect to {host}: it resolves only to loopback, private, link-local or multicast addresses (set NewsDesk__Fetch__AllowPrivateNetworks=true to allow).", FetchFailure.Blocked);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
