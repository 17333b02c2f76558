using System.CommandLine;
using System.Globalization;
using NewsDesk.Feeds;
using Quartz;

namespace NewsDesk.Commands;

/// <summary>Options shared by the commands that write feeds.json (`feeds add`, `feeds import-opml`).</summary>
internal static class FeedListOptions
{
    public static Option<string?> File() => new("--file") { Description = "The feed list to change (default: NewsDesk:FeedsFile, feeds.json)" };

    public static Option<FeedKind> Kind() => new("--kind") { Description = "press or government", DefaultValueFactory = _ => FeedKind.Press };

    public static Option<TimeSpan> Interval() => new("--interval")
    {
        Description = "How often to poll, e.g. 00:30:00 (at least 00:01:00)",
        DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.FromMinutes(1))
            {
                return value;
            }

            result.AddError($"--interval '{text}' must be a duration of at least 00:01:00, such as 00:30:00.");
            return default;
        },
    };

    public static bool IsValidCron(string cron) => CronExpression.TryParse(cron, out _);
}
