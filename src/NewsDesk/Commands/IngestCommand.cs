using System.CommandLine;
using NewsDesk.Hosting;
using NewsDesk.Pipeline;

namespace NewsDesk.Commands;

/// <summary>`ingest --once`: poll every enabled feed (or one) once, now, and exit.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Poll each feed once and exit (required: the scheduled loop is `run`).", Required = true };
        var feed = new Option<string?>("--feed") { Description = "Only this feed id." };
        var command = new Command("ingest", "Poll feeds once, now, ignoring backoff, and exit.") { once, feed };
        command.SetAction(async (parse, ct) =>
        {
            using var host = NewsDeskHost.CreateTool();
            var registry = host.Services.GetRequiredService<FeedRegistry>();
            var poller = host.Services.GetRequiredService<FeedPoller>();
            var id = parse.GetValue(feed);
            var feeds = id is null ? registry.Enabled.ToList() : [registry.Find(id) ?? throw new UsageException($"no feed with id \"{id}\" in the feed list.")];
            var failed = 0;
            foreach (var definition in feeds)
            {
                var outcome = await poller.PollAsync(definition, force: true, ct).ConfigureAwait(false);
                failed += outcome.Error is null ? 0 : 1;
                Console.WriteLine($"{definition.Id}: {outcome.Counts.New} new, {outcome.Counts.Updated} updated, {outcome.Counts.Unchanged} unchanged, {outcome.Counts.Failed} failed{(outcome.Error is null ? "" : " — " + outcome.Error)}");
            }

            return feeds.Count > 0 && failed == feeds.Count ? CommandLine.Failure : CommandLine.Success;
        });
        return command;
    }
}
