using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsDesk.Summaries;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Summaries;

/// <summary>The machine summary against a loopback server that speaks the OpenAI chat-completions protocol.</summary>
public sealed class MachineSummarizerTests
{
    private static readonly Summary Extractive = new() { Sentences = [new SummarySentence { Text = "Quoted sentence.", SourceUrl = "https://example.org/a" }] };

    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1763900000,"model":"llama-test",
         "choices":[{"index":0,"message":{"role":"assistant","content":"The UK and India agreed to link their AI safety institutes.\nThey will test models together."},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":10,"completion_tokens":12,"total_tokens":22}}
        """;

    [Fact]
    public async Task Writes_a_labelled_summary_that_keeps_its_source_link()
    {
        string? request = null;
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext c) =>
        {
            request = await new StreamReader(c.Request.Body).ReadToEndAsync();
            return Results.Text(Completion, "application/json");
        }));

        var summary = await Summarizer(server).SummarizeAsync("UK and India sign AI memorandum", "Long article text.", "https://example.org/a", Extractive, TestContext.Current.CancellationToken);

        Assert.Equal(SummaryMethods.Machine, summary.Method);
        Assert.Equal("llama-test", summary.Model);
        Assert.Equal("The UK and India agreed to link their AI safety institutes. They will test models together.", summary.Text);
        Assert.Equal("https://example.org/a", summary.Sentences.Single().SourceUrl);
        Assert.Contains("UK and India sign AI memorandum", request);
        Assert.Contains("\"model\":\"test-model\"", request);
    }

    [Fact]
    public async Task A_server_error_falls_back_to_the_extractive_summary()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", () => Results.StatusCode(500)));

        var summary = await Summarizer(server).SummarizeAsync("t", "x", "https://example.org/a", Extractive, TestContext.Current.CancellationToken);

        Assert.Same(Extractive, summary);
    }

    [Fact]
    public async Task A_timeout_falls_back_to_the_extractive_summary()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), c.RequestAborted);
            return Results.Text(Completion, "application/json");
        }));

        var started = DateTime.UtcNow;
        var summary = await Summarizer(server, TimeSpan.FromSeconds(1)).SummarizeAsync("t", "x", "https://example.org/a", Extractive, TestContext.Current.CancellationToken);

        Assert.Same(Extractive, summary);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Off_by_default()
    {
        var summarizer = new MachineSummarizer(Options.Create(new MachineSummaryOptions()), NullLogger<MachineSummarizer>.Instance);

        var summary = await summarizer.SummarizeAsync("t", "x", "https://example.org/a", Extractive, TestContext.Current.CancellationToken);

        Assert.False(summarizer.IsEnabled);
        Assert.Same(Extractive, summary);
    }

    private static MachineSummarizer Summarizer(LoopbackServer server, TimeSpan? timeout = null) => new(
        Options.Create(new MachineSummaryOptions { Enabled = true, Endpoint = server.Url("v1"), Model = "test-model", ApiKey = "k", Timeout = timeout ?? TimeSpan.FromSeconds(10) }),
        NullLogger<MachineSummarizer>.Instance);
}
