using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// A plain HTTP forward proxy on 127.0.0.1 (absolute-form GETs only; no CONNECT), standing for the operator's proxy
/// on a private address. It records every target it was asked for and forwards the request directly.
/// </summary>
public sealed class ForwardProxy : IAsyncDisposable
{
    private readonly HttpClient _onward = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly List<string> _targets = [];
    private LoopbackServer _server = null!;

    public Uri BaseUri => _server.BaseUri;

    /// <summary>The targets asked for so far, as the client wrote them.</summary>
    public IReadOnlyList<string> Targets
    {
        get
        {
            lock (_targets)
            {
                return [.. _targets];
            }
        }
    }

    public static async Task<ForwardProxy> StartAsync()
    {
        var proxy = new ForwardProxy();
        proxy._server = await LoopbackServer.StartAsync(app => app.Run(proxy.ForwardAsync));
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        lock (_targets)
        {
            _targets.Add(target);
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }

        using var response = await _onward.GetAsync(uri, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        if (response.Headers.Location is { } location)
        {
            context.Response.Headers.Location = location.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _onward.Dispose();
    }
}
