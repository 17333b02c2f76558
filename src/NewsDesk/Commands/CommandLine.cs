using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using NewsDesk.Feeds;
using NewsDesk.Storage;

namespace NewsDesk.Commands;

/// <summary>
/// The command tree and its exit codes: 0 success, 1 failure, 2 bad usage. Every failure ends in one line on stderr
/// starting "newsdesk: ", never a stack trace unless --verbose is given: known failures (bad configuration, bad feed
/// list, locked store, an unreachable URL) say what to fix, and anything else says what went wrong.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> InvokeAsync(string[] args)
    {
        GlobalArguments global;
        try
        {
            global = GlobalArguments.Extract(args);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"newsdesk: {ex.Message}").ConfigureAwait(false);
            return Usage;
        }

        // Settings apply to whichever host the command builds, the worker's or a tool's, however deep inside it.
        Hosting.NewsDeskHost.CommandLineSettings = global.Settings;
        var parse = Build().Parse(global.Rest);
        if (parse.Errors.Count > 0)
        {
            var messages = string.Join("; ", parse.Errors.Select(ParseErrors.Describe).Distinct());
            var command = string.Join(' ', parse.CommandResult.Command is RootCommand ? [] : Path(parse.CommandResult));
            await Console.Error.WriteLineAsync($"newsdesk: {messages} (see 'newsdesk {command}{(command.Length > 0 ? " " : "")}--help')").ConfigureAwait(false);
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
        catch (Exception ex) when (global.Verbose)
        {
            await Console.Error.WriteLineAsync($"newsdesk: {ex}").ConfigureAwait(false);
            return ex is UsageException ? Usage : Failure;
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
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("newsdesk: stopped before it finished (Ctrl+C or SIGTERM)").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception ex)
        {
            // A bug, not the user's doing: still one line and exit 1, with the way to see more.
            await Console.Error.WriteLineAsync($"newsdesk: unexpected error: {ParseErrors.OneLine(ex.Message)} (run again with --verbose for the stack trace)").ConfigureAwait(false);
            return Failure;
        }

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>The command tree, built once per run; tests walk it to reach every command.</summary>
    internal static RootCommand Build()
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
        root.Add(RetagCommand.Create());
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
        return root;
    }

    /// <summary>The command's names from the root down, e.g. ["feeds", "add"].</summary>
    private static IEnumerable<string> Path(CommandResult result) =>
        result.Parent is CommandResult parent && parent.Command is not RootCommand ? Path(parent).Append(result.Command.Name) : [result.Command.Name];

    /// <summary>The one-sentence message for a failure a user can fix, or null for a bug (which then gets the generic line).</summary>
    private static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException options => "configuration is invalid: " + string.Join(" ", options.Failures),
        FeedCatalogException or StorageException => ex.Message,
        Tagging.TaxonomyException or Retagging.RetagBusyException => ex.Message,
        IOException io => io.Message,
        HttpRequestException http => http.Message,
        TimeoutException timeout => timeout.Message,
        UnauthorizedAccessException access => access.Message,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerException!),
        _ => null,
    };
}
