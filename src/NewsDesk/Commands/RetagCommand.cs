using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsDesk.Hosting;
using NewsDesk.Retagging;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>
/// `retag [--since DATE] [--feed ID]`: tags stored articles again with today's taxonomy, and matches them to stories
/// again (<see cref="Retagger"/>); a stopped run continues where it stopped. Prints what changed.
/// </summary>
internal static class RetagCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only articles dated from this date (yyyy-MM-dd or an ISO 8601 instant) on." };
        var feed = new Option<string?>("--feed") { Description = "Only this feed's articles." };
        var command = new Command("retag", "Tag stored articles again after a taxonomy change, and match them to stories again; resumes a stopped run.") { since, feed };
        command.SetAction(async (parse, ct) =>
        {
            RetagScope scope;
            try
            {
                scope = new RetagScope(ArticleQueryText.Instant(parse.GetValue(since), "since"), parse.GetValue(feed));
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message);
            }

            using var host = NewsDeskHost.CreateTool();
            ExistingStore.Require(host.Services);
            INewsStore store;
            try
            {
                store = host.Services.GetRequiredService<INewsStore>();
            }
            catch (StorageException ex) when (!host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
            {
                // The worker holds the file: it retags through its API instead, between its own polls.
                throw new StorageException($"{ex.Message} While the worker runs, retag through its API: POST /api/admin/retag on the worker's own address (see README, Sources)", ex);
            }

            if (scope.Feed is { } id)
            {
                try
                {
                    QueryNames.Check(new ArticleQuery { Feeds = [id] }, host.Services, store);
                }
                catch (FormatException ex)
                {
                    throw new UsageException(ex.Message);
                }
            }

            var retagger = ActivatorUtilities.CreateInstance<Retagger>(host.Services);
            var bar = RetagProgressBar.ForStderr();
            var summary = await retagger.RunAsync(scope, bar.Report, ct).ConfigureAwait(false);
            bar.Done();
            Console.WriteLine($"Retagged {summary.Processed} {(summary.Processed == 1 ? "article" : "articles")} with taxonomy {retagger.Last()?.TaxonomyVersion}: {summary.TagsChanged} with other tags, {summary.StoriesChanged} in another story.");
            foreach (var line in summary.ThemeLines())
            {
                Console.WriteLine($"  {line}");
            }

            return CommandLine.Success;
        });
        return command;
    }
}
