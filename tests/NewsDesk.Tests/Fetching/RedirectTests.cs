using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Fetching;

/// <summary>HttpFetcher follows redirects itself, so that it can tell a permanent move from a temporary one.</summary>
public sealed class RedirectTests
{
    private static readonly FetchOptions Loopback = new() { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(5) };

    private static async Task<LoopbackServer> StartAsync() => await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/301", () => Results.Redirect("/308", permanent: true));
        app.MapGet("/308", (HttpContext c) =>
        {
            c.Response.StatusCode = 308;
            c.Response.Headers.Location = "feed";
        });
        app.MapGet("/302", () => Results.Redirect("/feed"));
        app.MapGet("/301-then-302", () => Results.Redirect("/302", permanent: true));
        app.MapGet("/feed", () => Results.Text("<rss/>", "application/rss+xml"));
    });

    [Theory]
    [InlineData("301", "feed")] // 301 then a relative 308: both permanent, the feed moved to /feed
    [InlineData("302", null)]
    [InlineData("301-then-302", "302")] // the move stops where the chain turns temporary
    public async Task Follows_redirects_and_reports_a_permanent_move(string path, string? movedTo)
    {
        await using var server = await StartAsync();
        var fetcher = TestFetcher.Create(Loopback);

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url(path)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(server.Url("feed"), result.FinalUrl);
        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(result.Body));
        Assert.Equal(movedTo is null ? null : server.Url(movedTo), result.PermanentRedirect);
    }

    [Fact]
    public async Task With_redirects_off_the_3xx_is_returned()
    {
        await using var server = await StartAsync();
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = true, MaxRedirects = 0 });

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("302")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Equal(1, server.Requests);
    }
}
