using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Feeds.Opml;
using NewsDesk.Hosting;

namespace NewsDesk.Commands;

/// <summary>
/// `feeds import-opml FILE` and `feeds export-opml`: exchange the feed list with other readers. Import is offline
/// (like other readers' imports): the feeds are checked on their first poll, and `feeds list` shows any that fail.
/// </summary>
internal static class FeedsOpmlCommand
{
    public static Command CreateImport()
    {
        var source = new Argument<string>("file") { Description = "An OPML file exported by a feed reader" };
        var file = FeedListOptions.File();
        var kind = FeedListOptions.Kind();
        var interval = FeedListOptions.Interval();
        var command = new Command("import-opml", "Add the feeds of an OPML file to the feed list, skipping those already in it") { source, file, kind, interval };
        command.SetAction(async (parse, ct) =>
        {
            var opmlPath = parse.GetValue(source)!;
            if (!File.Exists(opmlPath))
            {
                throw new UsageException($"OPML file '{opmlPath}' does not exist.");
            }

            using var host = NewsDeskHost.CreateTool();
            var path = parse.GetValue(file) ?? host.Services.GetRequiredService<IOptions<NewsDeskOptions>>().Value.FeedsFile;
            IReadOnlyList<OpmlFeed> outlines;
            try
            {
                outlines = OpmlReader.Read(opmlPath);
            }
            catch (OpmlException ex)
            {
                await Console.Error.WriteLineAsync($"newsdesk: nothing imported: {ex.Message}").ConfigureAwait(false);
                return CommandLine.Failure;
            }

            var known = (File.Exists(path) ? FeedRegistry.Load(path) : []).ToList();
            var ids = known.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var added = new List<FeedDefinition>();
            var skipped = 0;
            foreach (var outline in outlines)
            {
                if (FeedUrls.FindSame(known, outline.XmlUrl) is { } same)
                {
                    skipped++;
                    Console.WriteLine($"skipped {opmlPath}:{outline.Line}: {outline.XmlUrl} is already in the list as \"{same.Id}\"");
                    continue;
                }

                var feed = new FeedDefinition
                {
                    Id = FeedIds.FromTitle(outline.Title, outline.XmlUrl, ids),
                    Title = outline.Title,
                    Url = outline.XmlUrl,
                    Kind = parse.GetValue(kind),
                    Schedule = new FeedSchedule { Interval = parse.GetValue(interval) },
                    Category = outline.Category,
                    SiteUrl = outline.HtmlUrl,
                };
                ids.Add(feed.Id);
                known.Add(feed);
                added.Add(feed);
            }

            FeedListFile.Append(path, added, FeedListOptions.IsValidCron);
            Console.WriteLine($"Imported {opmlPath} into {path}: {added.Count} added, {skipped} skipped as duplicates.");
            return CommandLine.Success;
        });
        return command;
    }

    public static Command CreateExport()
    {
        var output = new Option<string?>("--out") { Description = "File to write; default: standard output" };
        var file = FeedListOptions.File();
        var command = new Command("export-opml", "Write the feed list as OPML 2.0, folders from each feed's category") { output, file };
        command.SetAction(async (parse, ct) =>
        {
            using var host = NewsDeskHost.CreateTool();
            var path = parse.GetValue(file) ?? host.Services.GetRequiredService<IOptions<NewsDeskOptions>>().Value.FeedsFile;
            var feeds = FeedRegistry.Load(path);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var target = parse.GetValue(output);
            if (target is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                OpmlWriter.Write(feeds, stdout, now);
                return CommandLine.Success;
            }

            var temp = target + ".tmp";
            await using (var stream = File.Create(temp))
            {
                OpmlWriter.Write(feeds, stream, now);
            }

            File.Move(temp, target, overwrite: true);
            await Console.Error.WriteLineAsync($"Exported {feeds.Count} feeds from {path} to {target}.").ConfigureAwait(false);
            return CommandLine.Success;
        });
        return command;
    }
}
