using System.CommandLine;
using NewsDesk.Fetching;
using NewsDesk.Hosting;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Parsing;
using NewsDesk.Scraping;

namespace NewsDesk.Commands;

/// <summary>`feeds inspect FILE|URL`: parse a saved or live feed and print what NewsDesk reads from it, as indented JSON.</summary>
internal static class FeedsInspectCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "Path of a saved RSS, Atom, RDF or JSON Feed document, an http(s) URL to fetch it from, or the id of a source in feeds.json (a feed or a scraped listing page, fetched with its own settings)" };
        var baseUrl = UrlOption.Create("--base-url", "For a saved file: the URL it was fetched from (the base for relative links); default is the file's path");
        var command = new Command("inspect", "Print the parsed feed (title, items with id, title, link, dates, summary) as JSON") { source, baseUrl };
        command.SetAction(async (parseResult, ct) =>
        {
            var target = parseResult.GetValue(source)!;
            var isUrl = Uri.TryCreate(target, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
            if (!isUrl && !File.Exists(target) && FeedIds.IsValid(target) && ConfiguredSource(target) is { } configured)
            {
                try
                {
                    FeedInspector.Write(await FetchAndReadAsync(configured, ct).ConfigureAwait(false), Console.Out);
                    return CommandLine.Success;
                }
                catch (Exception ex) when (ex is FeedParseException or FetchException)
                {
                    await Console.Error.WriteLineAsync($"newsdesk: {target}: {ex.Message}").ConfigureAwait(false);
                    return CommandLine.Failure;
                }
            }

            if (!isUrl && !File.Exists(target))
            {
                await Console.Error.WriteLineAsync($"newsdesk: feed file '{target}' does not exist.").ConfigureAwait(false);
                return CommandLine.Usage;
            }

            try
            {
                var feed = isUrl
                    ? await FetchAndParseAsync(url!, ct).ConfigureAwait(false)
                    : new FeedParser().Parse(await File.ReadAllBytesAsync(target, ct).ConfigureAwait(false), baseUrl: parseResult.GetValue(baseUrl) ?? new Uri(Path.GetFullPath(target)));
                FeedInspector.Write(feed, Console.Out);
                return CommandLine.Success;
            }
            catch (Exception ex) when (ex is FeedParseException or FetchException)
            {
                await Console.Error.WriteLineAsync($"newsdesk: {target}: {ex.Message}").ConfigureAwait(false);
                return CommandLine.Failure;
            }
        });
        return command;
    }

    /// <summary>The source with this id in the configured feeds.json, or null (then the argument is taken for a file name).</summary>
    private static FeedDefinition? ConfiguredSource(string id)
    {
        using var host = NewsDeskHost.CreateTool();
        var path = host.Services.GetRequiredService<IOptions<NewsDeskOptions>>().Value.FeedsFile;
        return File.Exists(path) ? FeedRegistry.Load(path).FirstOrDefault(f => f.Id == id) : null;
    }

    /// <summary>A configured source as the poller reads it: its own headers and settings, its scrape rule when it has one.</summary>
    private static async Task<ParsedFeed> FetchAndReadAsync(FeedDefinition source, CancellationToken ct)
    {
        using var host = NewsDeskHost.CreateTool();
        var fetched = await host.Services.GetRequiredService<HttpFetcher>().FetchAsync(source.Settings.ApplyTo(new FetchRequest(source.Url)), ct).ConfigureAwait(false);
        if (!fetched.IsSuccess)
        {
            throw new FetchException($"fetch: {source.Url} answered HTTP {(int)fetched.Status}", FetchFailure.HttpStatus);
        }

        return source.Scrape is { } scrape
            ? ListingPageReader.Read(fetched.Body, fetched.ContentType, fetched.FinalUrl, scrape, FeedParser.MaxEntries)
            : host.Services.GetRequiredService<FeedParser>().Parse(fetched.Body, fetched.ContentType, fetched.FinalUrl);
    }

    /// <summary>Fetches through the same client, limits and address guard as the worker.</summary>
    private static async Task<ParsedFeed> FetchAndParseAsync(Uri url, CancellationToken ct)
    {
        using var host = NewsDeskHost.CreateTool();
        var fetched = await host.Services.GetRequiredService<HttpFetcher>().FetchAsync(new FetchRequest(url), ct).ConfigureAwait(false);
        if (!fetched.IsSuccess)
        {
            throw new FetchException($"fetch: {url} answered HTTP {(int)fetched.Status}", FetchFailure.HttpStatus);
        }

        return host.Services.GetRequiredService<FeedParser>().Parse(fetched.Body, fetched.ContentType, fetched.FinalUrl);
    }
}
