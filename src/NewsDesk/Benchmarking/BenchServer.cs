using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsDesk.Benchmarking;

/// <summary>
/// Serves a <see cref="BenchSite"/> on 127.0.0.1 (a free port): GET /feeds/N.xml and GET /fN/I/story. It runs in
/// the benchmark's own process, so the time it spends making pages is measured and reported, not hidden.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _servingTicks;
    private int _requests;

    private BenchServer(WebApplication app)
    {
        _app = app;
    }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Time spent generating (or picking) pages and feeds inside the handlers, summed over requests.</summary>
    public TimeSpan ServingTime => TimeSpan.FromSeconds(Volatile.Read(ref _servingTicks) / (double)Stopwatch.Frequency);

    public static async Task<BenchServer> StartAsync(Func<int, BenchSite> siteOf, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new BenchServer(app);
        app.MapGet("/feeds/{feed:int}.xml", (int feed) => server.Timed(() =>
            Results.Text(siteOf(feed).FeedXml(feed), "application/rss+xml; charset=utf-8", Encoding.UTF8)));
        app.MapGet("/f{feed:int}/{item:int}/story", (HttpContext context, int feed, int item) => server.Timed(() =>
        {
            var (body, gzipped) = siteOf(feed).Page(feed, item);
            if (gzipped)
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }

            return Results.Bytes(body, gzipped ? "text/html" : "text/html; charset=utf-8");
        }));
        await app.StartAsync(ct).ConfigureAwait(false);
        return server;
    }

    public int Port => new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    /// <summary>Whether sN.localhost names reach this machine's loopback (so each feed can be its own host).</summary>
    public static async Task<bool> LocalhostSubdomainsResolveAsync(CancellationToken ct)
    {
        try
        {
            var addresses = await Dns.GetHostAddressesAsync("s1.localhost", ct).ConfigureAwait(false);
            return addresses.Length > 0 && addresses.All(IPAddress.IsLoopback);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private IResult Timed(Func<IResult> handler)
    {
        Interlocked.Increment(ref _requests);
        var started = Stopwatch.GetTimestamp();
        var result = handler();
        Interlocked.Add(ref _servingTicks, Stopwatch.GetTimestamp() - started);
        return result;
    }
}
