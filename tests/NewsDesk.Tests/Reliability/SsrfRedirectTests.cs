using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Issue #9, SSRF beyond literal URLs: a first hop that default options may reach (served from one of this machine's
/// own public-looking addresses, see <see cref="PublicLookingServer"/>) redirects inward or to another scheme, and
/// host names that resolve inward. Either the guard refuses (<see cref="FetchFailure.Blocked"/>) or HttpClient does
/// not follow the redirect at all (the 3xx comes back unfollowed); in both cases the target must see no request.
/// </summary>
public sealed class SsrfRedirectTests
{
    [Fact]
    public async Task A_redirect_from_a_reachable_host_to_an_inward_address_or_another_scheme_reaches_nothing()
    {
        await using var secret = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", () => "secret"));
        var port = secret.BaseUri.Port;
        string[] targets =
        [
            $"http://127.0.0.1:{port}/",
            $"http://localhost:{port}/",
            $"http://[::1]:{port}/",
            $"http://[::ffff:127.0.0.1]:{port}/",
            $"http://0.0.0.0:{port}/",
            $"https://127.0.0.1:{port}/",
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://10.0.0.1/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "file:///etc/passwd",
            $"ftp://127.0.0.1:{port}/",
            $"gopher://127.0.0.1:{port}/_GET%20/",
            "data:text/html,<script>alert(1)</script>",
            "dict://127.0.0.1:11211/stats",
        ];
        var statuses = new[] { 302, 301, 303, 307, 308 };
        await using var first = await PublicLookingServer.StartAsync(app =>
        {
            app.MapGet("/go/{n:int}", (int n, HttpContext context) =>
            {
                context.Response.StatusCode = statuses[n % statuses.Length];
                context.Response.Headers.Location = targets[n];
            });

            // Two hops: the first redirect stays on the reachable host, the second goes inward.
            app.MapGet("/chain/{n:int}", (int n) => Results.Redirect($"/go/{n}"));
        });
        RequiredService.SkipWhen(first is null, PublicLookingServer.SkipReason);

        var fetcher = TestFetcher.Create(new FetchOptions { Timeout = TimeSpan.FromSeconds(5) });
        var ct = TestContext.Current.CancellationToken;
        int refused = 0, unfollowed = 0;
        var reached = new List<string>();
        var attempts = 0;
        foreach (var route in new[] { "go", "chain" })
        {
            for (var n = 0; n < targets.Length; n++)
            {
                attempts++;
                try
                {
                    var result = await fetcher.FetchAsync(new FetchRequest(first!.Url($"{route}/{n}")), ct);
                    if ((int)result.Status is >= 300 and < 400 && result.FinalUrl.Host == first.BaseUri.Host)
                    {
                        unfollowed++;
                    }
                    else
                    {
                        reached.Add($"{route} → {targets[n]}: {(int)result.Status} from {result.FinalUrl}");
                    }
                }
                catch (FetchException ex) when (ex.Kind == FetchFailure.Blocked)
                {
                    refused++;
                }
                catch (FetchException ex)
                {
                    reached.Add($"{route} → {targets[n]}: {ex.Kind} {ex.Message}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"SSRF via redirect from {first!.BaseUri}: {attempts} tried, {refused} refused by the guard, {unfollowed} redirects not followed (other scheme), {reached.Count} reached; {secret.Requests} requests reached the loopback server, {first.Requests} first hops served");
        reached.ForEach(r => TestContext.Current.TestOutputHelper?.WriteLine("  not blocked: " + r));
        Assert.Empty(reached);
        Assert.Equal(attempts, refused + unfollowed);
        Assert.Equal(0, secret.Requests);
        Assert.Equal(targets.Length * 3, first.Requests); // go: 1 hop each; chain: 2 hops each
    }

    [Fact]
    public async Task Host_names_that_resolve_inward_are_refused()
    {
        await using var secret = await LoopbackServer.StartAsync(app => app.MapGet("/{**path}", () => "secret"));
        var port = secret.BaseUri.Port;
        var hostname = Dns.GetHostName();

        // Names only: whatever they resolve to on this machine, the guard sees the resolved address. A name that does
        // not resolve here is listed and not counted. A name that resolves both inward and outward (this machine's own
        // name often does) may be fetched, but only from its public address: the loopback server must see nothing.
        string[] names = ["localhost", "localhost.", "LocalHost", hostname, hostname + ".", "sub.localhost", "ip6-localhost", "ip6-loopback"];
        var fetcher = TestFetcher.Create(new FetchOptions { Timeout = TimeSpan.FromSeconds(5) });
        var ct = TestContext.Current.CancellationToken;
        int tried = 0, blocked = 0;
        var notBlocked = new List<string>();
        var output = TestContext.Current.TestOutputHelper;
        foreach (var name in names)
        {
            IPAddress[] addresses;
            try
            {
                addresses = await Dns.GetHostAddressesAsync(name, ct);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                output?.WriteLine($"  {name}: does not resolve here ({ex.SocketErrorCode}), not counted");
                continue;
            }

            var mixed = addresses.Any(AddressGuard.IsPublic);
            tried++;
            try
            {
                await fetcher.FetchAsync(new FetchRequest(new Uri($"http://{name}:{port}/")), ct);
                notBlocked.Add($"{name}: fetched");
            }
            catch (FetchException ex) when (mixed && ex.Kind == FetchFailure.Network)
            {
                // Nothing listens on the public address at this port: the connection went there, not to loopback.
                blocked++;
                output?.WriteLine($"  {name} → {string.Join(", ", addresses.Select(a => a.ToString()))}: inward addresses skipped, public one tried ({ex.Message})");
            }
            catch (FetchException ex) when (ex.Kind == FetchFailure.Blocked)
            {
                blocked++;
                output?.WriteLine($"  {name} → {string.Join(", ", addresses.Select(a => a.ToString()))}: blocked");
            }
            catch (FetchException ex)
            {
                notBlocked.Add($"{name}: {ex.Kind} {ex.Message}");
            }
        }

        output?.WriteLine($"SSRF via names resolving inward: {tried} tried, {blocked} blocked, {secret.Requests} requests reached the loopback server");
        Assert.Empty(notBlocked);
        Assert.True(tried >= 2, $"only {tried} names resolved inward");
        Assert.Equal(tried, blocked);
        Assert.Equal(0, secret.Requests);
    }
}
