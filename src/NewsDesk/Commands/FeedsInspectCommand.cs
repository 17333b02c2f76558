using System.CommandLine;
using NewsDesk.Fetching;
using NewsDesk.Hosting;
using NewsDesk.Parsing;

namespace NewsDesk.Commands;

/// <summary>`feeds inspect FILE|URL`: parse a saved or live feed and print what NewsDesk reads from it, as indented JSON.</summary>
internal static class FeedsInspectCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "Path of a saved RSS, Atom, RDF or JSON Feed document, or an http(s) URL to fetch it from" };
        var baseUrl = UrlOption.Create("--base-url", "For a saved file: the URL it was fetched from (the base for relative links); default is the file's path");
        var command = new Command("inspect", "Print the parsed feed (title, items with id, title, link, dates, summary) as JSON") { source, baseUrl };
        command.SetAction(async (parseResult, ct) =>
        {
            var target = parseResult.GetValue(source)!;
            var isUrl = Uri.TryCreate(target, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
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
