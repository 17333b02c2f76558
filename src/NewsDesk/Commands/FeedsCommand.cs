using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Filtering;
using NewsDesk.Hosting;
using NewsDesk.Storage;
using Quartz;

namespace NewsDesk.Commands;

/// <summary>`feeds list`, `inspect`, `add`, `import-opml`, `export-opml`: what NewsDesk polls, how each feed is doing, and changing the list.</summary>
internal static class FeedsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the feeds with their status: last success, last error, consecutive failures, next attempt.");
        list.SetAction(_ =>
        {
            using var host = NewsDeskHost.CreateTool();
            // Listing needs no secrets: a header whose ${VARIABLE} is unset here is shown as such, not refused.
            var registry = new FeedRegistry(FeedRegistry.LoadForListing(host.Services.GetRequiredService<IOptions<NewsDeskOptions>>().Value.FeedsFile));
            // Before the first poll there is no store, and every feed is simply not polled yet.
            var store = ExistingStore.OpenIfThere(host.Services);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            Console.WriteLine($"{"ID",-28} {"KIND",-10} {"ON",-3} {"SCHEDULE",-22} {"LAST SUCCESS",-17} {"FAILS",5} {"NEXT ATTEMPT",-31} LAST ERROR / NOTE");
            foreach (var feed in registry.All)
            {
                var state = store?.GetFeedState(feed.Id);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{feed.Id,-28} {feed.Kind.ToString().ToLowerInvariant(),-10} {(feed.Enabled ? "yes" : "no"),-3} {feed.Schedule,-22} {Time(state?.LastSuccess),-17} {state?.ConsecutiveFailures ?? 0,5} {NextAttempt(feed, state, now),-31} {Note(state)}"));
                if (!ReferenceEquals(feed.Settings, SourceSettings.None))
                {
                    // Header and cookie values can be tokens: only their names are shown.
                    Console.WriteLine($"  {feed.Id}: {feed.Settings.Describe()}");
                }

                if (store is not null && DroppedItems.Of(store, feed.Id) is { Total: > 0 } drops)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {feed.Id}: {drops.Total} dropped by rules: {string.Join("; ", drops.Counts.Select(c => $"{c.Value} by {c.Key}"))}"));
                }
            }

            return CommandLine.Success;
        });

        return new Command("feeds", "Manage and inspect feeds.")
        {
            list,
            FeedsInspectCommand.Create(),
            FeedsAddCommand.Create(),
            FeedsOpmlCommand.CreateImport(),
            FeedsOpmlCommand.CreateExport(),
        };
    }

    /// <summary>When the next fetch happens and why: the schedule, the publisher's hint (ttl, max-age, expires), a Retry-After or backoff.</summary>
    private static string NextAttempt(FeedDefinition feed, FeedState? state, DateTimeOffset now)
    {
        if (state?.NextAttempt is { } next)
        {
            return $"{Time(next)} ({state.NextAttemptReason ?? "backoff"})";
        }

        // Never polled, or a cron feed without a hint: the trigger decides.
        return feed.Schedule.Cron is { } cron && CronExpression.TryParse(cron, out var expression) && expression?.GetNextValidTimeAfter(now) is { } fire
            ? $"{Time(fire)} (schedule)"
            : state is null ? "at start" : "on schedule";
    }

    private static string Note(FeedState? state) => state switch
    {
        { ConsecutiveFailures: > 0 } => state.LastError ?? string.Empty,
        { MovedTo: { } moved } => $"moved permanently to {moved}; update feeds.json",
        _ => string.Empty,
    };

    private static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
}
