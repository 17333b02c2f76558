using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Tests.Reliability;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>
/// Issue 18: POST /api/admin/backup is decided from the connection, not from headers. The worker runs with ASP.NET's
/// forwarded headers switched on (as ASPNETCORE_FORWARDEDHEADERS_ENABLED=true does) and listens on loopback and on
/// this machine's non-loopback address; a caller on the latter claiming X-Forwarded-For: 127.0.0.1 is refused.
/// </summary>
public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Backup_answers_direct_loopback_callers_only_whatever_the_forwarding_headers_say()
    {
        var outside = PublicLookingServer.FindAddress();
        RequiredService.SkipWhen(outside is null, PublicLookingServer.SkipReason);
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{"feeds":[]}""");
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["urls"] = $"http://127.0.0.1:0;http://{outside}:0",
            ["FORWARDEDHEADERS_ENABLED"] = "true",
        });
        var ct = TestContext.Current.CancellationToken;
        await app.StartAsync(ct);
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
            var loopback = addresses.Single(a => a.Host == "127.0.0.1");
            var external = addresses.Single(a => a.Host != "127.0.0.1");
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });

            async Task<HttpStatusCode> Backup(Uri origin, params (string Name, string Value)[] headers)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "/api/admin/backup"));
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await http.SendAsync(request, ct);
                return response.StatusCode;
            }

            var outcomes = new Dictionary<string, HttpStatusCode>
            {
                ["external, X-Forwarded-For: 127.0.0.1"] = await Backup(external, ("X-Forwarded-For", "127.0.0.1")),
                ["external, X-Forwarded-For: ::1"] = await Backup(external, ("X-Forwarded-For", "::1")),
                ["external, X-Forwarded-For: 10.0.0.1, 127.0.0.1"] = await Backup(external, ("X-Forwarded-For", "10.0.0.1, 127.0.0.1")),
                ["external, Forwarded: for=127.0.0.1"] = await Backup(external, ("Forwarded", "for=127.0.0.1")),
                ["external, X-Real-IP: 127.0.0.1"] = await Backup(external, ("X-Real-IP", "127.0.0.1")),
                ["external, no header"] = await Backup(external),
                ["loopback, X-Forwarded-For: 203.0.113.9 (a local reverse proxy)"] = await Backup(loopback, ("X-Forwarded-For", "203.0.113.9")),
                ["loopback, X-Forwarded-For: 127.0.0.1"] = await Backup(loopback, ("X-Forwarded-For", "127.0.0.1")),
            };
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", outcomes.Select(o => $"{o.Key}: {(int)o.Value}")));
            Assert.All(outcomes, o => Assert.True(o.Value == HttpStatusCode.Forbidden, $"{o.Key}: {o.Value}"));

            // A direct loopback caller, as `db backup` is, still gets the copy.
            Assert.Equal(HttpStatusCode.OK, await Backup(loopback));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
