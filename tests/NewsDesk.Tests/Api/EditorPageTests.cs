using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Api;

/// <summary>The editors' page in a real browser: headless Chromium opens it, clicks a theme filter and reads what is shown.</summary>
public sealed class EditorPageTests
{
    [Fact]
    public async Task Clicking_a_theme_filter_shows_only_that_theme()
    {
        RequiredService.SkipWhen(HeadlessChromium.Executable is null, "Chromium is not installed (apt-get install chromium; .ci/run installs it)");
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("feeds.json"), """{ "feeds": [] }""");
        var ct = TestContext.Current.CancellationToken;
        var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Digest:TimeZone"] = "Etc/UTC",
            ["urls"] = "http://127.0.0.1:0",
        });
        await using (app)
        {
            await app.StartAsync(ct);
            var store = app.Services.GetRequiredService<INewsStore>();
            var day = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            store.Save(Articles.Make("a1", "UK and India sign AI memorandum", day, ["bilateral"]));
            store.Save(Articles.Make("a2", "ISO publishes AI management code", day, ["standards"]));
            store.Save(Articles.Make("a3", "Portal reopens after <script>alert(1)</script> flaw", day, ["standards"]));
            var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            await using var browser = await HeadlessChromium.StartAsync(ct);
            await browser.NavigateAsync(new Uri($"{origin}/?date=2026-11-22"), ct);

            const string visible = "[...document.querySelectorAll('#digest section[data-theme]')].filter(s => !s.hidden).map(s => s.getAttribute('data-theme')).join(',')";
            Assert.Equal("bilateral,standards", await browser.EvaluateAsync(visible, ct));
            Assert.Equal("3", await browser.EvaluateAsync("document.querySelectorAll('#digest h3 a').length", ct));
            Assert.Equal("0", await browser.EvaluateAsync("document.querySelectorAll('#digest script').length", ct));
            Assert.Contains("<script>alert(1)</script>", await browser.EvaluateAsync("document.querySelector('#digest').innerText", ct));

            await browser.EvaluateAsync("document.querySelector('#filters button[data-filter=standards]').click()", ct);

            Assert.Equal("standards", await browser.EvaluateAsync(visible, ct));
            Assert.Equal("true", await browser.EvaluateAsync("document.querySelector('#filters button[data-filter=standards]').getAttribute('aria-pressed')", ct));

            await browser.EvaluateAsync("document.querySelector('#filters button[data-filter=all]').click()", ct);
            Assert.Equal("bilateral,standards", await browser.EvaluateAsync(visible, ct));
            await app.StopAsync(ct);
        }
    }
}
