using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9: URLs a hostile feed could use to reach inside the network. With the default options each must fail with
/// <see cref="FetchFailure.Blocked"/> and no request may reach the loopback server. The private-range literals are
/// never contacted: the guard refuses in the connect callback, before any packet is sent.
/// </summary>
public sealed class SsrfTests
{
    [Fact]
    public async Task Every_inward_url_is_blocked_before_a_request_is_made()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", () => "secret"));
        var port = server.BaseUri.Port;
        string[] targets =
        [
            $"http://127.0.0.1:{port}/",
            $"http://localhost:{port}/",
            $"http://LOCALHOST:{port}/",
            $"http://[::1]:{port}/",
            $"http://[::ffff:127.0.0.1]:{port}/",
            $"http://0.0.0.0:{port}/",
            $"http://127.1:{port}/",
            $"http://127.0.0.2:{port}/",
            $"http://2130706433:{port}/",
            $"http://0x7f000001:{port}/",
            $"http://0177.0.0.1:{port}/",
            $"http://0x7f.0.0.1:{port}/",
            $"https://127.0.0.1:{port}/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/",
            "http://10.0.0.1/",
            "http://10.255.255.254:8080/admin",
            "http://172.16.0.1/",
            "http://172.31.255.1/",
            "http://192.168.0.1/",
            "http://192.168.1.254/",
            "http://100.64.0.1/",
            "http://[fd00::1]/",
            "http://[fc00::1]/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "file:///etc/passwd",
            $"ftp://127.0.0.1:{port}/",
            $"gopher://127.0.0.1:{port}/_GET%20/",
            "dict://127.0.0.1:11211/stats",
            "ldap://127.0.0.1/",
        ];
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = false, Timeout = TimeSpan.FromSeconds(3) });
        var blocked = 0;
        var notBlocked = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                await fetcher.FetchAsync(new FetchRequest(new Uri(target)), TestContext.Current.CancellationToken);
                notBlocked.Add($"{target}: fetched");
            }
            catch (FetchException ex) when (ex.Kind == FetchFailure.Blocked)
            {
                blocked++;
            }
            catch (FetchException ex)
            {
                notBlocked.Add($"{target}: {ex.Kind} {ex.Message}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"SSRF: {targets.Length} attempts tried, {blocked} blocked, {server.Requests} requests reached the loopback server");
        foreach (var miss in notBlocked)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("  not blocked: " + miss);
        }

        Assert.Empty(notBlocked);
        Assert.Equal(targets.Length, blocked);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_or_inward_is_not_followed_to_its_target()
    {
        // With private networks allowed (so the first hop can reach the loopback server), a redirect to file: must not
        // be followed. The guard itself is covered above.
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/to-file", (HttpContext c) => Results.Redirect("file:///etc/passwd"));
            app.MapGet("/loop", (HttpContext c) => Results.Redirect("/loop"));
        });
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = true, Timeout = TimeSpan.FromSeconds(5) });
        var ct = TestContext.Current.CancellationToken;

        // Found by this test: HttpClient threw UriFormatException here, which escaped the fetcher; now it is a refusal.
        var toFile = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("to-file")), ct));
        Assert.Equal(FetchFailure.Blocked, toFile.Kind);

        var started = DateTime.UtcNow;
        var loop = await fetcher.FetchAsync(new FetchRequest(server.Url("loop")), ct);
        Assert.False(loop.IsSuccess);
        Assert.True(server.Requests <= 1 + 1 + new FetchOptions().MaxRedirects + 1, $"{server.Requests} requests for a redirect loop");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        TestContext.Current.TestOutputHelper?.WriteLine($"redirect loop ended after {server.Requests - 1} requests with {(int)loop.Status}");
    }
}
