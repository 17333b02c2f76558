using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsDesk.Hosting;

/// <summary>
/// Serves the repo's samples/ folder on 127.0.0.1 with a free port, for the offline demo: feeds from
/// samples/feeds/NAME and article pages from samples/pages/PATH.html. Sample files link to the placeholder origin
/// http://newsdesk.demo, which is rewritten to this server's origin; the pages' canonical links name stable addresses
/// on https://samples.newsdesk.example instead, which the digest links. Answers conditional GETs with 304.
/// </summary>
public sealed class SampleServer : IAsyncDisposable
{
    public const string PlaceholderOrigin = "http://newsdesk.demo";

    private readonly WebApplication _app;
    private readonly RequestCounter _counter;

    private SampleServer(WebApplication app, string origin, RequestCounter counter)
    {
        _app = app;
        Origin = origin;
        _counter = counter;
    }

    public string Origin { get; }

    public int Port => new Uri(Origin).Port;

    /// <summary>Requests answered so far (feeds and pages, 304s included).</summary>
    public int Requests => _counter.Count;

    public static async Task<SampleServer> StartAsync(string samplesFolder, CancellationToken ct, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        string? origin = null;
        var counter = new RequestCounter();
        app.Use((context, next) =>
        {
            counter.Increment();
            return next(context);
        });
        app.MapGet("/feeds/{name}", (HttpContext context, string name) =>
            Serve(context, Path.Combine(samplesFolder, "feeds", Path.GetFileName(name)), ContentTypeFor(name), origin!));
        app.MapGet("/{**path}", (HttpContext context, string? path) =>
            Serve(context, Path.Combine(samplesFolder, "pages", (path ?? "index").Trim('/') + ".html"), "text/html; charset=utf-8", origin!));
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        origin = address.TrimEnd('/');
        return new SampleServer(app, origin, counter);
    }

    /// <summary>Finds samples/ in the working directory or above the executable (a clone, or the container's /app).</summary>
    public static string? FindSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, "feeds.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public string Rewrite(string text) => text.Replace(PlaceholderOrigin, Origin, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IResult Serve(HttpContext context, string path, string contentType, string origin)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return Results.NotFound();
        }

        var body = File.ReadAllText(full).Replace(PlaceholderOrigin, origin, StringComparison.Ordinal);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(body, contentType, Encoding.UTF8);
    }

    private sealed class RequestCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }

    private static string ContentTypeFor(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".atom" => "application/atom+xml; charset=utf-8",
        ".json" => "application/feed+json; charset=utf-8",
        _ => "application/rss+xml; charset=utf-8",
    };
}
