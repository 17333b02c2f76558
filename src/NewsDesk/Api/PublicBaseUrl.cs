using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsDesk.Hosting;

namespace NewsDesk.Api;

/// <summary>
/// The base URL for links the worker writes into what it serves: NewsDesk:PublicBaseUrl, else the first address Kestrel
/// listens on. Never the request's Host header: the client chooses it, so links built from it pointed wherever a
/// request said (Host: evil.example), and an empty, overlong or out-of-range one made the Atom feed answer 500.
/// </summary>
public static class PublicBaseUrl
{
    public static Uri Of(NewsDeskOptions options, IServer server)
    {
        if (options.PublicBaseUrl is { IsAbsoluteUri: true } configured)
        {
            return WithSlash(configured);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8080";
        // A wildcard binding (0.0.0.0, [::], *, +) is not an address anyone can follow; localhost at least works on the
        // machine itself. Behind a proxy or in a container, set NewsDesk:PublicBaseUrl.
        var builder = new UriBuilder(address.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return WithSlash(builder.Uri);
    }

    private static Uri WithSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
