using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Fetching;

public sealed class HttpFetcherTests
{
    private static readonly FetchOptions Loopback = new() { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(5), MaxResponseBytes = 64 * 1024 };

    [Fact]
    public async Task Sends_user_agent_and_answers_304_to_a_conditional_get()
    {
        string? userAgent = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            userAgent = c.Request.Headers.UserAgent;
            c.Response.Headers.ETag = "\"v1\"";
            return c.Request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Text("<rss/>", "application/rss+xml");
        }));
        var fetcher = TestFetcher.Create(Loopback);

        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("feed")), TestContext.Current.CancellationToken);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("feed"), first.ETag), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
        Assert.StartsWith("NewsDesk/", userAgent);
    }

    [Fact]
    public async Task Refuses_a_body_over_the_cap_even_when_compressed()
    {
        var big = new byte[1024 * 1024];
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(big, TestContext.Current.CancellationToken);
        }

        var bomb = compressed.ToArray();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/bomb", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(bomb, "text/html");
        }));
        var fetcher = TestFetcher.Create(Loopback);

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("bomb")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.TooLarge, error.Kind);
        Assert.True(bomb.Length < Loopback.MaxResponseBytes, "the compressed body itself is under the cap");
    }

    [Theory]
    [InlineData("declared", 40_000)]
    [InlineData("declared", 0)]
    [InlineData("chunked", 50_000)]
    [InlineData("gzip", 60_000)]
    [InlineData("chunked", 64 * 1024)]
    public async Task Reads_the_whole_body_however_it_is_sent_up_to_the_cap(string shape, int size)
    {
        var ct = TestContext.Current.CancellationToken;
        var body = new byte[size];
        new Random(size).NextBytes(body);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(body, ct);
        }

        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/page", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            var bytes = body;
            if (shape == "gzip")
            {
                c.Response.Headers.ContentEncoding = "gzip";
                bytes = compressed.ToArray();
            }

            if (shape != "chunked")
            {
                c.Response.ContentLength = bytes.Length;
                await c.Response.Body.WriteAsync(bytes);
                return;
            }

            // No length: sent in pieces of uneven size, flushed one by one.
            for (var at = 0; at < bytes.Length; at += 7_001)
            {
                await c.Response.Body.WriteAsync(bytes.AsMemory(at, Math.Min(7_001, bytes.Length - at)));
                await c.Response.Body.FlushAsync();
            }
        }));

        var result = await TestFetcher.Create(Loopback).FetchAsync(new FetchRequest(server.Url("page")), ct);

        Assert.Equal(body, result.Body);
    }

    [Fact]
    public async Task Refuses_a_body_without_a_length_that_runs_past_the_cap()
    {
        var body = new byte[(64 * 1024) + 1];
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/page", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.Body.WriteAsync(body);
        }));

        var error = await Assert.ThrowsAsync<FetchException>(() => TestFetcher.Create(Loopback).FetchAsync(new FetchRequest(server.Url("page")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.TooLarge, error.Kind);
    }

    [Fact]
    public async Task Refuses_loopback_unless_allowed()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "hello"));
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = false });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.Blocked, error.Kind);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Refuses_other_schemes()
    {
        var fetcher = TestFetcher.Create(Loopback);

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(new Uri("file:///etc/passwd")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.Blocked, error.Kind);
    }

    [Fact]
    public async Task Times_out_on_a_server_that_trickles()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext c) =>
        {
            await c.Response.WriteAsync("<html>");
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
        }));
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("slow")), TestContext.Current.CancellationToken));

        Assert.Equal(FetchFailure.Timeout, error.Kind);
    }

    [Fact]
    public async Task Reads_retry_after()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/busy", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "120";
            return Results.StatusCode(429);
        }));
        var fetcher = TestFetcher.Create(Loopback);

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("busy")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    // Issue 18: IPv6 forms that carry an IPv4 address are judged by that address.
    [InlineData("64:ff9b::a9fe:a9fe", false)] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b::a00:5", false)]
    [InlineData("64:ff9b::5db8:d822", true)] // NAT64 of 93.184.216.34
    [InlineData("64:ff9b:1::a00:5", false)] // local-use NAT64: the operator's own network, whatever it embeds
    [InlineData("64:ff9b:1:5db8:d800:2200::", false)]
    [InlineData("2002:7f00:1::1", false)] // 6to4 of 127.0.0.1
    [InlineData("2002:a00:5::1", false)]
    [InlineData("2002:c0a8:101::", false)]
    [InlineData("2002:5db8:d822::1", true)]
    [InlineData("::127.0.0.1", false)] // IPv4-compatible
    [InlineData("::10.0.0.5", false)]
    [InlineData("::169.254.169.254", false)]
    [InlineData("::93.184.216.34", true)]
    [InlineData("::ffff:0:127.0.0.1", false)] // SIIT
    [InlineData("::ffff:0:a9fe:a9fe", false)]
    [InlineData("::ffff:0:93.184.216.34", true)]
    public void Address_guard_allows_only_public_addresses(string address, bool expected)
    {
        Assert.Equal(expected, AddressGuard.IsPublic(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task A_body_cut_short_by_the_server_is_a_network_failure_of_the_fetch()
    {
        // Headers promise 10,000 bytes, 100 come, then the connection closes: the body read throws an IOException,
        // which must come out as the feed's network failure (recorded on the feed), not escape as if the store failed.
        var ct = TestContext.Current.CancellationToken;
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            await using var stream = client.GetStream();
            var request = new byte[4096];
            _ = await stream.ReadAsync(request, ct);
            var head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 10000\r\n\r\n"u8.ToArray();
            await stream.WriteAsync(head, ct);
            await stream.WriteAsync(new byte[100], ct);
        }, ct);

        var error = await Assert.ThrowsAsync<FetchException>(() => TestFetcher.Create(Loopback).FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{port}/feed")), ct));
        await serve;

        Assert.Equal(FetchFailure.Network, error.Kind);
    }
}
