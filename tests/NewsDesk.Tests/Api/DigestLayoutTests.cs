using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Digests;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>
/// The stored HTML digest in a real browser, as the worker serves it: at 1280 px and at a phone's 400 px nothing is
/// wider than the screen, even with a headline that is one long word and a long list of parties and sources.
/// </summary>
public sealed class DigestLayoutTests
{
    // Every element's right edge, against the viewport: the widest one names itself when the test fails.
    private const string Overflow = """
        (() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1);
          return JSON.stringify({ width, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 3).map(e => e.tagName + ':' + e.textContent.slice(0, 40)) });
        })()
        """;

    [Theory]
    [InlineData(1280)]
    [InlineData(400)]
    public async Task Nothing_overflows_the_screen(int width)
    {
        Assert.SkipWhen(HeadlessChromium.Executable is null, "Chromium is not installed (apt-get install chromium; .ci/run installs it)");
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var ct = TestContext.Current.CancellationToken;
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["NewsDesk:Digest:OutputFolder"] = temp.File("out"),
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var day = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum on the safety testing of frontier models", day, ["bilateral", "safety_ethics"], story: "s", kind: "government") with
            {
                Parties = ["United Kingdom", "India", "Canada", "Japan", "Republic of Korea", "European Union", "Singapore", "Australia"],
                Organisations = ["AI Security Institute", "Indian AI Safety Institute", "Organisation for Economic Co-operation and Development"],
            });
            for (var i = 0; i < 6; i++)
            {
                store.Save(Articles.Make($"p{i}", $"Press report {i} of the memorandum", day.AddHours(i), ["bilateral"], story: "s") with { Source = $"Outlet number {i} with a long name" });
            }

            store.Save(Articles.Make("long", "Supercalifragilisticexpialidociousinteroperabilityframeworksfortrustworthyartificialintelligence announced", day, ["standards"]) with
            {
                Url = "https://example.org/" + new string('x', 300),
            });
            store.Save(Articles.Make("fin", "Fintech start-up raises funds in a round led by a very-long-named-venture-capital-partnership-fund", day));
            await app.Services.GetRequiredService<DigestPublisher>().PublishAsync(new DateOnly(2026, 11, 22), writeFiles: false, ct);
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            await using var browser = await HeadlessChromium.StartAsync(ct);
            await browser.SetViewportAsync(width, 900, ct);
            await browser.NavigateAsync(new Uri($"{origin}/api/digests/2026-11-22?format=html"), ct);
            // Opened, so the collapsed parts are measured too.
            await browser.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)", ct);

            var screenshot = await browser.ScreenshotAsync(ct);
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"newsdesk-digest-{width}.png"), screenshot);
            Assert.True(screenshot.Length > 1000);
            Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), await browser.EvaluateAsync("String(document.documentElement.clientWidth)", ct));
            var measured = await browser.EvaluateAsync(Overflow, ct);
            Assert.Contains("\"wide\":[]", measured, StringComparison.Ordinal);
            Assert.Contains($"\"scroll\":{width},", measured, StringComparison.Ordinal);
            Assert.Equal("true", await browser.EvaluateAsync("String(document.querySelector('#at-a-glance') !== null && document.getElementById('story-s') !== null)", ct));
            await app.StopAsync(ct);
        }
    }
}
