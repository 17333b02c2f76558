using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Fetching;
using NewsDesk.Hosting;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Hosting;

/// <summary>
/// One version, from Directory.Build.props, everywhere it is shown: `--version`, the User-Agent, /healthz and the
/// metrics' build info. (The image label is checked by .ci/container-test.)
/// </summary>
public sealed class VersionTests
{
    /// <summary>The &lt;Version&gt; in Directory.Build.props, read as text so the test does not trust the build.</summary>
    private static readonly string Declared =
        XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    [Fact]
    public async Task Version_option_prints_the_version_from_Directory_Build_props()
    {
        using var temp = new TempFolder();
        var (exit, stdout, stderr) = await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>(), "--version");

        Assert.True(exit == 0, stderr);
        Assert.Equal(Declared, stdout.Trim());
        Assert.Equal(Declared, NewsDeskVersion.Current);
    }

    [Fact]
    public async Task User_agent_carries_the_version()
    {
        string? userAgent = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", (HttpContext c) =>
        {
            userAgent = c.Request.Headers.UserAgent;
            return Results.Text("<rss/>", "application/rss+xml");
        }));
        using var host = NewsDeskHost.CreateTool(new Dictionary<string, string?> { ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true" });

        await host.Services.GetRequiredService<HttpFetcher>().FetchAsync(new FetchRequest(server.Url("feed")), TestContext.Current.CancellationToken);

        Assert.StartsWith($"NewsDesk/{Declared} (+", userAgent);
    }

    [Fact]
    public async Task Healthz_and_metrics_show_the_version()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{ "feeds": [] }""", ct);
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("news.db"),
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();
            var health = await http.GetFromJsonAsync<JsonElement>(new Uri(address + "/healthz"), ct);
            var metrics = await http.GetStringAsync(new Uri(address + "/metrics"), ct);
            await app.StopAsync(ct);

            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.Equal(Declared, health.GetProperty("version").GetString());
            Assert.Contains(metrics.Split('\n'), line => line.StartsWith("newsdesk_build_info{", StringComparison.Ordinal)
                && line.Contains($"version=\"{Declared}\"", StringComparison.Ordinal) && line.EndsWith("} 1", StringComparison.Ordinal));
        }
    }
}
