using System.CommandLine;
using System.Globalization;
using NewsDesk.Hosting;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>`feeds list` and `feeds inspect`: what NewsDesk polls and how each feed is doing.</summary>
internal static class FeedsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the feeds with their status: last success, last error, consecutive failures, next attempt.");
        list.SetAction(_ =>
        {
            using var host = NewsDeskHost.CreateTool();
            var registry = host.Services.GetRequiredService<FeedRegistry>();
            var store = host.Services.GetRequiredService<NewsStore>();
            Console.WriteLine($"{"ID",-28} {"KIND",-10} {"ON",-3} {"SCHEDULE",-22} {"LAST SUCCESS",-17} {"FAILS",5} {"NEXT ATTEMPT",-17} LAST ERROR");
            foreach (var feed in registry.All)
            {
                var state = store.GetFeedState(feed.Id);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{feed.Id,-28} {feed.Kind.ToString().ToLowerInvariant(),-10} {(feed.Enabled ? "yes" : "no"),-3} {feed.Schedule,-22} {Time(state?.LastSuccess),-17} {state?.ConsecutiveFailures ?? 0,5} {Time(state?.NextAttempt),-17} {(state?.ConsecutiveFailures > 0 ? state.LastError : "")}"));
            }

            return CommandLine.Success;
        });

        return new Command("feeds", "Manage and inspect feeds.") { list, FeedsInspectCommand.Create() };
    }

    private static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never";
}
