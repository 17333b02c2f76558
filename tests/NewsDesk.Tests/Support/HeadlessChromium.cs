using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsDesk.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket): navigate, evaluate script, read the
/// result. Flags as found to work on these machines (no sandbox as root, no background networking).
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static string? Executable => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> StartAsync(CancellationToken ct)
    {
        var profile = Path.Combine(Path.GetTempPath(), "newsdesk-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(Executable!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        var chromium = new HeadlessChromium(process, profile);
        string? browserUrl = null;
        while (browserUrl is null && await process.StandardError.ReadLineAsync(ct) is { } line)
        {
            browserUrl = DevToolsLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
        }

        if (browserUrl is null)
        {
            throw new InvalidOperationException("Chromium did not print its DevTools address.");
        }

        _ = process.StandardError.ReadToEndAsync(ct);
        var port = new Uri(browserUrl).Port;
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), ct))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await chromium._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), ct);
        await chromium.SendAsync("Page.enable", new JsonObject(), ct);
        return chromium;
    }

    public async Task NavigateAsync(Uri url, CancellationToken ct)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, ct);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await EvaluateAsync("document.readyState", ct) != "complete")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not finish loading");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Runs a script in the page and returns its value as a string.</summary>
    public async Task<string?> EvaluateAsync(string expression, CancellationToken ct)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, ct);
        return result["result"]?["value"]?.ToString();
    }

    /// <summary>Lays the page out as on a screen this wide and tall (CSS pixels), as a phone or a desktop would.</summary>
    public Task SetViewportAsync(int width, int height, CancellationToken ct) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600 }, ct);

    /// <summary>A PNG of the whole page as now laid out, for a person to look at when a layout test fails.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken ct)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, ct);
        return Convert.FromBase64String((string)result["data"]!);
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, ct);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, ct);
                text.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var reply = JsonNode.Parse(text.ToArray())!;
            if ((int?)reply["id"] == id)
            {
                return reply["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : reply["result"]!;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The browser may already be gone; it is killed next anyway.
        }

        _socket.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by an exiting child process; the temp folder is cleaned by the OS.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
