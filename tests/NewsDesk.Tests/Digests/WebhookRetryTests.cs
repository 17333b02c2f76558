using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Digests;

/// <summary>
/// The webhook's HttpClient retries transient failures with the fetcher's policy (Hosting/TransientRetry): at most two
/// retries, each logged. Run through the real CLI, `digest --deliver`, against a loopback webhook.
/// </summary>
public sealed class WebhookRetryTests
{
    [Fact]
    public async Task A_502_from_the_webhook_is_retried_and_the_digest_delivered()
    {
        var calls = 0;
        await using var hook = await LoopbackServer.StartAsync(app => app.MapPost("/hook", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(502) : Results.Ok()));

        var (exit, _, stderr) = await DeliverAsync(hook.Url("hook"));

        Assert.True(exit == 0, stderr);
        Assert.Equal(2, calls);
        Assert.Contains("failed (HTTP 502); retry 1 of 2", stderr, StringComparison.Ordinal);
        Assert.Contains("delivered by webhook", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_is_tried_three_times_then_reported()
    {
        var calls = 0;
        await using var hook = await LoopbackServer.StartAsync(app => app.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.StatusCode(500);
        }));

        var (_, _, stderr) = await DeliverAsync(hook.Url("hook"));

        Assert.Equal(3, calls);
        Assert.Contains("retry 2 of 2", stderr, StringComparison.Ordinal);
        Assert.Contains("not delivered by webhook", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> DeliverAsync(Uri webhook)
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{ "feeds": [] }""", TestContext.Current.CancellationToken);
        new LiteDbNewsStore(temp.File("news.db")).Dispose();
        return await CliProcess.RunAsync(temp.Path, new Dictionary<string, string>
        {
            ["NewsDesk__FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk__Storage__Path"] = temp.File("news.db"),
            ["NewsDesk__Digest__OutputFolder"] = temp.File("out"),
            ["NewsDesk__Delivery__Webhook__Url"] = webhook.ToString(),
        }, "digest", "--date", "2026-11-22", "--format", "md", "--deliver");
    }
}
