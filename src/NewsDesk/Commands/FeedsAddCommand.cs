using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Fetching;
using NewsDesk.Hosting;
using NewsDesk.Parsing;
using NewsDesk.Scraping;

namespace NewsDesk.Commands;

/// <summary>
/// `feeds add URL`: subscribe to a feed given its own URL or a web page that advertises it. The feed is fetched and
/// parsed before anything is written, so feeds.json never gains an entry the worker cannot read.
/// </summary>
internal static class FeedsAddCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "The feed's URL, or a web page that links to its feed (<link rel=\"alternate\">)" };
        var id = new Option<string?>("--id") { Description = "Id for the feed (lower-case letters, digits, '-', '_', '.'); default: made from its title" };
        var file = FeedListOptions.File();
        var kind = FeedListOptions.Kind();
        var interval = FeedListOptions.Interval();
        var category = new Option<string?>("--category") { Description = "Folder path for OPML export, e.g. \"News/Tech\"" };
        var command = new Command("add", "Find, check and add a feed to the feed list") { url, id, file, kind, interval, category };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(url)!;
            if (!FeedUrls.TryParse(target, out var requested))
            {
                throw new UsageException($"'{target}' is not an absolute http or https URL.");
            }

            var wantedId = parse.GetValue(id);
            if (wantedId is not null && !FeedIds.IsValid(wantedId))
            {
                throw new UsageException($"--id '{wantedId}' must use only lower-case letters, digits, '-', '_' or '.'.");
            }

            using var host = NewsDeskHost.CreateTool();
            var path = parse.GetValue(file) ?? host.Services.GetRequiredService<IOptions<NewsDeskOptions>>().Value.FeedsFile;
            var existing = File.Exists(path) ? FeedRegistry.Load(path) : [];
            if (Duplicate(existing, requested, path) is { } before)
            {
                await Console.Error.WriteLineAsync(before).ConfigureAwait(false);
                return CommandLine.Failure;
            }

            ResolvedFeed resolved;
            try
            {
                var resolver = new FeedResolver(host.Services.GetRequiredService<HttpFetcher>(), host.Services.GetRequiredService<FeedParser>());
                resolved = await resolver.ResolveAsync(requested, ct).ConfigureAwait(false);
            }
            catch (FeedDiscoveryException ex) when (ex.SuggestedScrape is { } scrape)
            {
                // A page without a feed: the suggested source goes to stdout for the user to check and paste; nothing is written.
                await Console.Error.WriteLineAsync($"newsdesk: cannot add {requested}: it has no feed; it lists items that a scrape source can read: check the entry below and add it to {path}.").ConfigureAwait(false);
                Console.WriteLine(ScrapeEntry(wantedId ?? FeedIds.FromTitle(requested.Host, requested, existing.Select(f => f.Id).ToHashSet(StringComparer.Ordinal)), requested, parse.GetValue(kind), parse.GetValue(interval), scrape));
                return CommandLine.Failure;
            }
            catch (Exception ex) when (ex is FeedDiscoveryException or FetchException or FeedParseException)
            {
                await Console.Error.WriteLineAsync($"newsdesk: cannot add {requested}: {ex.Message}").ConfigureAwait(false);
                return CommandLine.Failure;
            }

            if (Duplicate(existing, resolved.Url, path) is { } after)
            {
                await Console.Error.WriteLineAsync(after).ConfigureAwait(false);
                return CommandLine.Failure;
            }

            var ids = existing.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            if (wantedId is not null && ids.Contains(wantedId))
            {
                await Console.Error.WriteLineAsync($"newsdesk: id \"{wantedId}\" is already used in {path}; choose another with --id.").ConfigureAwait(false);
                return CommandLine.Failure;
            }

            var title = string.IsNullOrWhiteSpace(resolved.Feed.Title) ? resolved.Url.Host : resolved.Feed.Title.Trim();
            var feed = new FeedDefinition
            {
                Id = wantedId ?? FeedIds.FromTitle(title, resolved.Url, ids),
                Title = title,
                Url = resolved.Url,
                Kind = parse.GetValue(kind),
                Schedule = new FeedSchedule { Interval = parse.GetValue(interval) },
                Category = parse.GetValue(category),
                SiteUrl = FeedUrls.TryParse(resolved.Feed.Link, out var site) ? site : null,
            };
            FeedListFile.Append(path, [feed], FeedListOptions.IsValidCron);
            var via = resolved.FoundOn is null ? string.Empty : $" (found on {resolved.FoundOn})";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Added \"{feed.Id}\": {feed.Title} <{feed.Url}>{via}, {resolved.Feed.Entries.Count} entries, to {path}. The worker polls it from its next start."));
            return CommandLine.Success;
        });
        return command;
    }

    /// <summary>A feeds.json entry for a listing page, in the file's own shape.</summary>
    private static string ScrapeEntry(string id, Uri url, FeedKind kind, TimeSpan interval, ScrapeRule scrape)
    {
        var rule = new Dictionary<string, string> { ["item"] = scrape.Item, ["link"] = scrape.Link };
        if (scrape.Date is { } date)
        {
            rule["date"] = date;
        }

        var entry = new Dictionary<string, object>
        {
            ["id"] = id,
            ["title"] = url.Host,
            ["url"] = url.AbsoluteUri,
            ["kind"] = kind.ToString().ToLowerInvariant(),
            ["schedule"] = new Dictionary<string, string> { ["interval"] = interval.ToString("c", CultureInfo.InvariantCulture) },
            ["scrape"] = rule,
        };
        return System.Text.Json.JsonSerializer.Serialize(entry, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? Duplicate(IReadOnlyList<FeedDefinition> feeds, Uri url, string path) =>
        FeedUrls.FindSame(feeds, url) is { } same ? $"newsdesk: {url} is already in {path} as \"{same.Id}\"; nothing added." : null;
}
