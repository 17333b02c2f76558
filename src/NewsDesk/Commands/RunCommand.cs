using System.CommandLine;
using NewsDesk.Hosting;

namespace NewsDesk.Commands;

/// <summary>`run`: the worker. Polls the feeds on their schedules, makes the daily digest, serves health checks; stops on Ctrl+C or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Start the worker: poll feeds on schedule, make the daily digest, serve /healthz and /readyz (default command).");
        command.SetAction((parse, ct) => RunAsync([], ct));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        await using var app = NewsDeskHost.CreateWorker(args);
        await app.RunAsync(ct).ConfigureAwait(false);
        return CommandLine.Success;
    }
}
