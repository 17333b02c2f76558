using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>
/// The command tree and its exit codes: 0 success, 1 failure, 2 bad usage. Known failures (bad configuration, bad
/// feed list, locked store) print one sentence on stderr, not a stack trace.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("NewsDesk: follows international AI cooperation news, tags it, groups stories and writes daily digests.");
        var run = RunCommand.Create();
        root.Add(run);
        root.Add(DemoCommand.Create());
        root.Add(IngestCommand.Create());
        root.Add(DigestCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(FeedsCommand.Create());
        root.Add(HealthcheckCommand.Create());
        root.SetAction((parse, ct) => RunCommand.RunAsync([], ct));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"newsdesk: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'NewsDesk --help' for usage.").ConfigureAwait(false);
            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"newsdesk: {message}").ConfigureAwait(false);
            return Failure;
        }
    }

    /// <summary>The one-sentence message for a failure a user can fix, or null for a bug (which then shows its stack trace).</summary>
    private static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException options => "configuration is invalid: " + string.Join(" ", options.Failures),
        FeedCatalogException or StorageException or UsageException => ex.Message,
        Tagging.TaxonomyException => ex.Message,
        IOException io => io.Message,
        UnauthorizedAccessException access => access.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!),
        _ => null,
    };
}
