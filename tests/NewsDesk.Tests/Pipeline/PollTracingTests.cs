using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsDesk.Feeds;
using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace NewsDesk.Tests.Pipeline;

/// <summary>
/// A real poll of loopback feeds, traced through the sources the worker exports (TracingServices.AddNewsDeskSources)
/// into OpenTelemetry's in-memory exporter. Each test runs its poll under its own root activity and keeps only that
/// trace, because other tests in the process poll too.
/// </summary>
public sealed class PollTracingTests
{
    private static readonly ActivitySource TestSource = new("NewsDesk.Tests.PollTracing");

    [Fact]
    public async Task A_poll_is_one_trace_with_its_stages_and_http_requests()
    {
        using var temp = new TempFolder();
        await using var feeds = await SampleFeeds.StartAsync(temp);
        using var host = Tool(temp, feeds.FeedsFile);
        var feed = host.Services.GetRequiredService<FeedRegistry>().Enabled.Single(f => f.Id == "demo-govuk-ai");

        var (outcome, spans) = await TracePollAsync(host, feed);

        Assert.Equal(5, outcome.Counts.New);
        var poll = Assert.Single(spans, s => s.Source.Name == PipelineActivity.SourceName && s.OperationName == "poll");
        Assert.Equal("demo-govuk-ai", poll.GetTagItem("newsdesk.feed.id"));
        Assert.NotEqual(ActivityStatusCode.Error, poll.Status);
        var children = ChildrenOf(poll, spans);
        var feedFetch = Assert.Single(children, s => s.OperationName == "fetch");
        Assert.Single(children, s => s.OperationName == "parse");
        var entries = children.Where(s => s.OperationName == "entry").ToList();
        Assert.Equal(5, entries.Count);

        // Every entry was new, with its page fetched and used: each has the full set of stages, inside its own time.
        foreach (var entry in entries)
        {
            var stages = ChildrenOf(entry, spans);
            foreach (var stage in new[] { "lookup", "fetch", "extract", "tag", "summarise", "story", "commit" })
            {
                Assert.Contains(stages, s => s.OperationName == stage);
            }

            Assert.All(stages.Where(s => s.Source.Name == PipelineActivity.SourceName), s =>
            {
                Assert.InRange(s.StartTimeUtc, entry.StartTimeUtc.AddMilliseconds(-50), entry.StartTimeUtc + entry.Duration);
                Assert.True(s.Duration <= entry.Duration + TimeSpan.FromMilliseconds(50), $"{s.OperationName} lasted {s.Duration}, its entry {entry.Duration}");
            });

            // The page request is HttpClient's own span, under the entry.
            Assert.Contains(stages, s => s.Source.Name == TracingServices.HttpClientSource);
        }

        var feedRequest = Assert.Single(ChildrenOf(feedFetch, spans), s => s.Source.Name == TracingServices.HttpClientSource);
        Assert.Equal(200, Convert.ToInt32(feedRequest.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_failed_poll_is_marked_as_an_error_with_the_reason()
    {
        using var temp = new TempFolder();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed", () => Results.NotFound()));
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{ "feeds": [] }""", TestContext.Current.CancellationToken);
        using var host = Tool(temp, temp.File("feeds.json"));
        var feed = new FeedDefinition { Id = "gone", Title = "Gone", Url = server.Url("feed"), Schedule = new FeedSchedule { Interval = TimeSpan.FromMinutes(30) } };

        var (outcome, spans) = await TracePollAsync(host, feed);

        Assert.NotNull(outcome.Error);
        var poll = Assert.Single(spans, s => s.Source.Name == PipelineActivity.SourceName && s.OperationName == "poll");
        Assert.Equal(ActivityStatusCode.Error, poll.Status);
        Assert.Contains("HTTP 404", poll.StatusDescription, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildrenOf(poll, spans), s => s.OperationName == "parse");
    }

    private static IHost Tool(TempFolder temp, string feedsFile) => NewsDeskHost.CreateTool(new Dictionary<string, string?>
    {
        ["NewsDesk:FeedsFile"] = feedsFile,
        ["NewsDesk:Storage:Path"] = temp.File("news.db"),
        ["NewsDesk:Fetch:AllowPrivateNetworks"] = "true",
    });

    private static async Task<(PollOutcome Outcome, List<Activity> Spans)> TracePollAsync(IHost host, FeedDefinition feed)
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(TestSource.Name).AddNewsDeskSources().AddInMemoryExporter(exported).Build();
        PollOutcome outcome;
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            outcome = await host.Services.GetRequiredService<FeedPoller>().PollAsync(feed, force: true, TestContext.Current.CancellationToken);
        }

        tracing.ForceFlush();
        lock (exported)
        {
            return (outcome, exported.Where(s => s.TraceId == trace).ToList());
        }
    }

    private static List<Activity> ChildrenOf(Activity parent, List<Activity> spans) =>
        spans.Where(s => s.ParentSpanId == parent.SpanId).ToList();
}
