using System.CommandLine;
using System.Runtime.InteropServices;
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
        root.Add(ConfigCommand.Create());
        root.Add(DbCommand.Create());
        root.Add(ExtractCommand.Create());
        root.Add(TagCommand.Create());
        root.Add(ClusterCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(new Command("eval", "Measure a stage against labelled data.")
        {
            EvalFeedsCommand.Create(),
            EvalExtractionCommand.Create(),
            EvalThemesCommand.Create(),
            EvalStoriesCommand.Create(),
            EvalSummariesCommand.Create(),
        });
        root.SetAction((parse, ct) => RunCommand.RunAsync([], ct));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"newsdesk: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'newsdesk --help' for usage.").ConfigureAwait(false);
            return Usage;
        }

        // Ctrl+C and SIGTERM cancel the command's token and nothing else: the worker then stops through the host
        // (jobs finish, the store closes) and exits 0. System.CommandLine's own handling would exit with 143.
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, stop.Token).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"newsdesk: {ex.Message}").ConfigureAwait(false);
            return Usage;
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"newsdesk: {message}").ConfigureAwait(false);
            return Failure;
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>The one-sentence message for a failure a user can fix, or null for a bug (which then shows its stack trace).</summary>
    private static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException options => "configuration is invalid: " + string.Join(" ", options.Failures),
        FeedCatalogException or StorageException => ex.Message,
        Tagging.TaxonomyException => ex.Message,
        IOException io => io.Message,
        UnauthorizedAccessException access => access.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!),
        _ => null,
    };
}
