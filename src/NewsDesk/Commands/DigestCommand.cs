using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsDesk.Desks;
using NewsDesk.Digests;
using NewsDesk.Digests.Delivery;
using NewsDesk.Hosting;

namespace NewsDesk.Commands;

/// <summary>`digest --date`: the same work as the daily job, on demand. Re-running a date replaces its digest.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The day, yyyy-MM-dd, in the digest time zone (default: today)." };
        var format = new Option<string>("--format") { Description = "md, html or json.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "html", "json");
        var output = new Option<string?>("--out") { Description = "Write the digest to this file instead of stdout." };
        var deliver = new Option<bool>("--deliver") { Description = "Also send it to the configured delivery targets (SMTP, webhook), as the daily job does; with --desk, the desk's own." };
        var desk = DeskOption.Create("its digest is stored and written beside the default one");
        var allDesks = new Option<bool>("--all-desks") { Description = "Make the default digest and every desk's, together (the day is read once), store them and write their files; prints the files written. Not with --desk or --out." };
        var command = new Command("digest", "Make the digest for a date: store it, write md/html/json to the output folder, and print one format.") { date, format, output, deliver, desk, allDesks };
        command.SetAction(async (parse, ct) =>
        {
            using var host = NewsDeskHost.CreateTool();
            var options = host.Services.GetRequiredService<IOptions<DigestOptions>>().Value;
            if (parse.GetValue(allDesks))
            {
                return await AllDesksAsync(host.Services, options, parse.GetValue(date), parse.GetValue(desk), parse.GetValue(output), parse.GetValue(deliver), ct).ConfigureAwait(false);
            }

            var profile = DeskOption.Find(host.Services, parse.GetValue(desk));
            var day = ParseDate(parse.GetValue(date), options, host.Services.GetRequiredService<TimeProvider>(), profile);
            ExistingStore.Require(host.Services);
            var delivery = host.Services.GetRequiredService<DigestDelivery>();
            if (parse.GetValue(deliver) && profile is not null && !delivery.HasTargetFor(profile))
            {
                await Console.Error.WriteLineAsync($"newsdesk: --deliver: desk \"{profile.Id}\" has no Recipients or Webhook (and Recipients need NewsDesk:Delivery:Smtp:Host)").ConfigureAwait(false);
                return CommandLine.Failure;
            }

            if (parse.GetValue(deliver) && profile is null && !delivery.HasTarget)
            {
                // Checked before the digest is made: asked to deliver, with nowhere to deliver to, is the operator's
                // mistake to hear about, not a success.
                await Console.Error.WriteLineAsync("newsdesk: --deliver: no delivery target is configured (set NewsDesk:Delivery:Smtp:Host and NewsDesk:Delivery:Smtp:To, or NewsDesk:Delivery:Webhook:Url)").ConfigureAwait(false);
                return CommandLine.Failure;
            }

            var published = await host.Services.GetRequiredService<DigestPublisher>().PublishAsync(day, ct: ct, desk: profile).ConfigureAwait(false);
            if (parse.GetValue(deliver))
            {
                var outcomes = await delivery.DeliverAsync(published, ct, profile).ConfigureAwait(false);
                foreach (var outcome in outcomes)
                {
                    await Console.Error.WriteLineAsync(outcome.Sent ? $"delivered: {outcome}" : $"newsdesk: delivery {outcome}").ConfigureAwait(false);
                }

                if (outcomes.Any(o => !o.Sent))
                {
                    return CommandLine.Failure;
                }
            }

            var text = parse.GetValue(format) switch
            {
                "html" => published.Stored.Html,
                "json" => published.Stored.Json,
                _ => published.Stored.Markdown,
            };
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"Digest for {published.Digest.Date} ({published.Digest.StoryCount} stories) written to {Path.GetFullPath(path)}").ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteAsync(text).ConfigureAwait(false);
            }

            return CommandLine.Success;
        });
        return command;
    }

    /// <summary>`digest --all-desks`: the default digest and every desk's, made together, each delivered to its own targets with --deliver.</summary>
    private static async Task<int> AllDesksAsync(IServiceProvider services, DigestOptions options, string? date, string? desk, string? output, bool deliver, CancellationToken ct)
    {
        if (desk is not null || output is not null)
        {
            throw new UsageException($"--all-desks cannot be given with {(desk is not null ? "--desk" : "--out")}: it writes every digest's files to {DigestOptions.Section}:OutputFolder.");
        }

        // One day for all: the default digest's, in its time zone (a desk in another zone covers that same date in its own).
        var day = ParseDate(date, options, services.GetRequiredService<TimeProvider>());
        ExistingStore.Require(services);
        var delivery = services.GetRequiredService<DigestDelivery>();
        DeskOptions?[] desks = [null, .. options.Desks];
        if (deliver && !desks.Any(delivery.HasTargetFor))
        {
            await Console.Error.WriteLineAsync("newsdesk: --deliver: neither the default digest nor any desk has a delivery target (NewsDesk:Delivery, or a desk's Recipients or Webhook)").ConfigureAwait(false);
            return CommandLine.Failure;
        }

        var published = await services.GetRequiredService<DigestPublisher>().PublishDesksAsync(day, desks, ct: ct).ConfigureAwait(false);
        var failed = false;
        for (var i = 0; i < desks.Length; i++)
        {
            foreach (var file in published[i].Files)
            {
                await Console.Out.WriteLineAsync(file).ConfigureAwait(false);
            }

            if (deliver && delivery.HasTargetFor(desks[i]))
            {
                foreach (var outcome in await delivery.DeliverAsync(published[i], ct, desks[i]).ConfigureAwait(false))
                {
                    failed |= !outcome.Sent;
                    await Console.Error.WriteLineAsync(outcome.Sent ? $"delivered: {outcome}" : $"newsdesk: delivery {outcome}").ConfigureAwait(false);
                }
            }
        }

        return failed ? CommandLine.Failure : CommandLine.Success;
    }

    public static DateOnly ParseDate(string? text, DigestOptions options, TimeProvider time, DeskOptions? desk = null)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Zone(desk)).DateTime);
        }

        return DigestDay.TryParse(text, out var day, out var problem) ? day : throw new UsageException($"--date {problem}.");
    }
}
