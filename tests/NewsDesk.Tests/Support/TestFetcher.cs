using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDesk.Fetching;

namespace NewsDesk.Tests.Support;

/// <summary>An <see cref="HttpFetcher"/> built through the real IHttpClientFactory wiring of the worker.</summary>
public static class TestFetcher
{
    public static HttpFetcher Create(FetchOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpFetcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => FetchHandlerFactory.Create(options));
        var provider = services.BuildServiceProvider();
        return new HttpFetcher(provider.GetRequiredService<IHttpClientFactory>(), Options.Create(options), TimeProvider.System);
    }
}
