using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsDesk.Hosting;
using NewsDesk.Jobs;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;
using Quartz;

namespace NewsDesk.Tests.Jobs;

/// <summary>The retention purge against a fixed clock, and its schedule: absent unless enabled.</summary>
public sealed class RetentionJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Purge_uses_the_clock_and_max_age()
    {
        using var temp = new TempFolder();
        using var store = new LiteDbNewsStore(temp.File("n.db"));
        store.InsertMany([Articles.Make("d91", "91 days old", Now.AddDays(-91)), Articles.Make("d89", "89 days old", Now.AddDays(-89))]);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var job = new RetentionJob(store, Options.Create(new RetentionOptions { Enabled = true, MaxAge = TimeSpan.FromDays(90) }), new FixedTime(Now),
            new PipelineMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger<RetentionJob>.Instance);

        Assert.Equal(1, job.Purge());
        Assert.Null(store.FindArticle("d91"));
        Assert.NotNull(store.FindArticle("d89"));
        Assert.Equal(0, job.Purge());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retention_is_scheduled_only_when_enabled(bool enabled)
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("feeds.json"), """{"feeds":[]}""", TestContext.Current.CancellationToken);
        await using var app = NewsDeskHost.CreateWorker([], new Dictionary<string, string?>
        {
            ["NewsDesk:FeedsFile"] = temp.File("feeds.json"),
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Retention:Enabled"] = enabled ? "true" : "false",
            ["NewsDesk:Retention:Schedule"] = "0 15 2 * * ?",
            ["urls"] = "http://127.0.0.1:0",
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var trigger = await scheduler.GetTrigger(new TriggerKey("retention"), TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);

        if (enabled)
        {
            Assert.Equal("0 15 2 * * ?", Assert.IsAssignableFrom<ICronTrigger>(trigger).CronExpressionString);
        }
        else
        {
            Assert.Null(trigger);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
