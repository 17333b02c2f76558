using System.CommandLine;
using NewsDesk.Hosting;

namespace NewsDesk.Commands;

/// <summary>`run`: the worker. Polls the feeds on their schedules, makes the daily digest, serves health checks; stops on Ctrl+C or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Start the worker: poll feeds on schedule, make the daily digest, serve /healthz and /readyz (default command). Settings may follow as --NewsDesk:Section:Key=value.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, ct) => RunAsync(Settings(parse), ct));
        return command;
    }

    /// <summary>The arguments left after the command, which must all be settings (`--Key=value` or `--Key value`).</summary>
    private static string[] Settings(ParseResult parse)
    {
        var tokens = parse.UnmatchedTokens.ToArray();
        if (tokens.Length > 0 && !tokens[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"unexpected argument '{tokens[0]}'; settings are given as --NewsDesk:Section:Key=value");
        }

        return tokens;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        await using var app = NewsDeskHost.CreateWorker(args);
        await app.RunAsync(ct).ConfigureAwait(false);
        return CommandLine.Success;
    }
}
