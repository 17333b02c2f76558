using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDesk.Fetching;

namespace NewsDesk.Tests.Support;

/// <summary>An <see cref="HttpFetcher"/> built through the real IHttpClientFactory wiring of the worker.</summary>
public static class TestFetcher
{
    /// <param name="limiter">A limiter of the test's own (one with a <see cref="ClusterHostGate"/>); by default the fetcher makes one.</param>
    public static HttpFetcher Create(FetchOptions options, RequestLimiter? limiter = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpFetcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => FetchHandlerFactory.Create(options));
        var provider = services.BuildServiceProvider();
        return new HttpFetcher(provider.GetRequiredService<IHttpClientFactory>(), Options.Create(options), TimeProvider.System, limiter);
    }
}
