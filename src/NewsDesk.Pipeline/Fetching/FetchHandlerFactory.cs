using System.Net;
using System.Net.Sockets;

namespace NewsDesk.Fetching;

/// <summary>Builds the primary handler under the "newsdesk" HttpClient: decompression, connection limits and the address guard.</summary>
public static class FetchHandlerFactory
{
    public static SocketsHttpHandler Create(FetchOptions options) => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        // HttpFetcher follows redirects itself: it must see each hop to notice a permanent move, and to take a
        // per-host slot for the host each hop goes to.
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = options.MaxConnectionsPerHost,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseCookies = false,
        ConnectCallback = (context, ct) => ConnectAsync(context, options.AllowPrivateNetworks, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
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
