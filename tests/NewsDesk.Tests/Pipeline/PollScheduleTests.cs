using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Hosting;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Pipeline;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = PollerHarness.Start;

    private static readonly PollSchedule Schedule = new(Options.Create(new PipelineOptions
    {
        MinPollInterval = TimeSpan.FromMinutes(5),
        MaxPollInterval = TimeSpan.FromHours(12),
        BaseBackoff = TimeSpan.FromMinutes(1),
        MaxBackoff = TimeSpan.FromHours(1),
    }));

    private static FeedDefinition Every(TimeSpan interval) => PollerHarness.Feed(new Uri("https://example.org/feed"), interval: interval);

    [Theory]
    [InlineData(null, null, 30, "schedule")] // no hint: the feed's own interval
    [InlineData(60, null, 60, "ttl")]
    [InlineData(10, null, 30, "schedule")] // a hint shorter than the schedule cannot make polls more frequent
    [InlineData(60, 7200, 120, "max-age")] // the longest hint wins
    [InlineData(100_000, null, 720, "ttl")] // clamped to MaxPollInterval
    public void After_a_success_the_longest_hint_within_bounds_sets_the_next_check(int? ttl, int? maxAgeSeconds, int minutes, string reason)
    {
        var next = Schedule.AfterSuccess(Every(TimeSpan.FromMinutes(30)), Now, ttl, maxAgeSeconds is { } s ? TimeSpan.FromSeconds(s) : null, "max-age");

        Assert.Equal(Now.AddMinutes(minutes), next.At);
        Assert.Equal(reason, next.Reason);
    }

    [Fact]
    public void A_cron_feed_without_a_hint_is_left_to_its_trigger_and_a_tiny_hint_is_raised_to_the_minimum()
    {
        var cron = PollerHarness.Feed(new Uri("https://example.org/feed")) with { Schedule = new FeedSchedule { Cron = "0 0/10 * * * ?" } };

        Assert.Equal(new NextCheck(null, NextCheck.Schedule), Schedule.AfterSuccess(cron, Now, null, null, null));
        Assert.Equal(new NextCheck(Now.AddMinutes(5), "ttl"), Schedule.AfterSuccess(cron, Now, 1, null, null));
    }

    [Fact]
    public void Retry_after_is_honoured_up_to_the_maximum_interval_and_backoff_doubles_up_to_its_cap()
    {
        Assert.Equal(new NextCheck(Now.AddMinutes(20), NextCheck.RetryAfter), Schedule.AfterFailure(Now, 1, TimeSpan.FromMinutes(20)));
        Assert.Equal(Now.AddHours(12), Schedule.AfterFailure(Now, 1, TimeSpan.FromDays(365)).At);

        Assert.InRange(Schedule.Backoff(1), TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));
        Assert.InRange(Schedule.Backoff(3), TimeSpan.FromSeconds(192), TimeSpan.FromSeconds(288));
        Assert.InRange(Schedule.Backoff(30), TimeSpan.FromMinutes(48), TimeSpan.FromMinutes(72));
    }

    [Fact]
    public void Only_a_hint_or_a_failure_holds_a_poll_back()
    {
        var later = Now.AddMinutes(30);
        Assert.True(PollSchedule.IsDue(new FeedState { Id = "f", NextAttempt = later, NextAttemptReason = NextCheck.Schedule }, Now));
        Assert.False(PollSchedule.IsDue(new FeedState { Id = "f", NextAttempt = later, NextAttemptReason = "ttl" }, Now));
        Assert.False(PollSchedule.IsDue(new FeedState { Id = "f", NextAttempt = later, NextAttemptReason = NextCheck.Backoff, ConsecutiveFailures = 1 }, Now));
        Assert.True(PollSchedule.IsDue(new FeedState { Id = "f", NextAttempt = later, NextAttemptReason = "ttl" }, later - TimeSpan.FromSeconds(2)));
        Assert.True(PollSchedule.IsDue(new FeedState { Id = "f" }, Now));
    }

    [Theory]
    [InlineData("NewsDesk:Pipeline:MinPollInterval", "00:00:01", "NewsDesk:Pipeline:MinPollInterval must be between 00:00:10 and 1.00:00:00")]
    [InlineData("NewsDesk:Pipeline:MaxPollInterval", "30.00:00:00", "NewsDesk:Pipeline:MaxPollInterval must be between 00:01:00 and 7.00:00:00")]
    [InlineData("NewsDesk:Pipeline:MinPollInterval", "10:00:00", "NewsDesk:Pipeline:MinPollInterval (10:00:00) must not be longer than NewsDesk:Pipeline:MaxPollInterval (02:00:00)")]
    public void Bad_poll_interval_settings_name_the_key_and_the_range(string key, string value, string message)
    {
        using var temp = new TempFolder();
        using var host = NewsDeskHost.CreateTool(new Dictionary<string, string?>
        {
            ["NewsDesk:Storage:Path"] = temp.File("n.db"),
            ["NewsDesk:Pipeline:MaxPollInterval"] = "02:00:00",
            [key] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value);

        Assert.Contains(message, error.Message);
    }
}
