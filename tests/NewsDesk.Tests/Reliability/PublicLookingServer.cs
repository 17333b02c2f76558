using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDesk.Fetching;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// A Kestrel server on one of this machine's own addresses that <see cref="AddressGuard"/> counts as public (a
/// global or documentation-range address on a real interface), so a fetcher with the default options may reach it.
/// It stands in for "an allowed host on the internet" without leaving the machine: SSRF tests serve the first hop
/// from it and redirect inward. Null when the machine has no such address.
/// </summary>
public sealed class PublicLookingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private PublicLookingServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public Uri Url(string path) => new(BaseUri, path);

    public static IPAddress? FindAddress() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(i => i.GetIPProperties().UnicastAddresses.Select(u => u.Address))
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && AddressGuard.IsPublic(a));

    public static async Task<PublicLookingServer?> StartAsync(Action<WebApplication> map)
    {
        if (FindAddress() is not { } address)
        {
            return null;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:0");
        var app = builder.Build();
        var server = new PublicLookingServer(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref server._requests);
            return next(context);
        });
        map(app);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(bound.TrimEnd('/') + "/");
        return server;
    }

    public const string SkipReason = "this machine has no interface address that the address guard counts as public, so no first hop can be served that default options may reach";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
