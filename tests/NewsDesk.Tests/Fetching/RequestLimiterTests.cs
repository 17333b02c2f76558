using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Fetching;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Fetching;

/// <summary>The per-host and global request limits, measured on a loopback server that counts requests in flight.</summary>
public sealed class RequestLimiterTests
{
    private sealed class InFlight
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, int> _byHost = [];
        private int _total;

        public int MaxTotal { get; private set; }

        public Dictionary<string, int> MaxByHost { get; } = [];

        public async Task<IResult> HandleAsync(HttpContext context)
        {
            var host = context.Request.Host.Host;
            lock (_lock)
            {
                _total++;
                _byHost[host] = _byHost.GetValueOrDefault(host) + 1;
                MaxTotal = Math.Max(MaxTotal, _total);
                MaxByHost[host] = Math.Max(MaxByHost.GetValueOrDefault(host), _byHost[host]);
            }

            await Task.Delay(150);
            lock (_lock)
            {
                _total--;
                _byHost[host]--;
            }

            return Results.Text("ok");
        }
    }

    [Fact]
    public async Task No_host_gets_more_than_its_share_and_the_total_stays_under_the_global_limit()
    {
        var counter = new InFlight();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/{n}", (Delegate)counter.HandleAsync));
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = true, MaxConnectionsPerHost = 2, MaxConcurrentRequests = 3, Timeout = TimeSpan.FromSeconds(20) });

        // Two host names for the one server: "127.0.0.1" and "localhost" are different hosts to the limiter.
        var byIp = Enumerable.Range(0, 8).Select(i => new Uri(server.BaseUri, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var byName = byIp.Select(u => new UriBuilder(u) { Host = "localhost" }.Uri);
        var results = await Task.WhenAll(byIp.Concat(byName).Select(u => fetcher.FetchAsync(new FetchRequest(u), TestContext.Current.CancellationToken)));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(16, server.Requests);
        Assert.Equal(3, counter.MaxTotal);
        Assert.All(counter.MaxByHost.Values, max => Assert.Equal(2, max));
        Assert.Equal(2, counter.MaxByHost.Count);
    }

    [Fact]
    public async Task A_single_host_never_sees_more_than_the_per_host_limit()
    {
        var counter = new InFlight();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/{n}", (Delegate)counter.HandleAsync));
        var fetcher = TestFetcher.Create(new FetchOptions { AllowPrivateNetworks = true, MaxConnectionsPerHost = 1, MaxConcurrentRequests = 16, Timeout = TimeSpan.FromSeconds(20) });

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => fetcher.FetchAsync(new FetchRequest(server.Url(i.ToString(System.Globalization.CultureInfo.InvariantCulture))), TestContext.Current.CancellationToken)));

        Assert.Equal(1, counter.MaxTotal);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var limiter = new RequestLimiter(perHost: 1, total: 1);
        var url = new Uri("https://example.org/a");
        var held = await limiter.AcquireAsync(url, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(url, cancel.Token));
        held.Dispose();
        using var again = await limiter.AcquireAsync(new Uri("https://example.org/b"), TestContext.Current.CancellationToken);
    }
}
