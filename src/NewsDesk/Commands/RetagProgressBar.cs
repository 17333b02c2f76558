using System.Diagnostics;
using System.Globalization;
using NewsDesk.Retagging;

namespace NewsDesk.Commands;

/// <summary>
/// `retag`'s progress on stderr: a bar redrawn in place on a terminal, else one plain line per batch (a log file or a
/// CI job shows how far it got without control characters).
/// </summary>
internal sealed class RetagProgressBar(bool terminal)
{
    private const int BarWidth = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _drawn;

    public static RetagProgressBar ForStderr() => new(!Console.IsErrorRedirected);

    public void Report(RetagProgress progress)
    {
        var total = Math.Max(progress.Total, 1);
        var line = string.Create(CultureInfo.InvariantCulture, $"{progress.Processed:N0} of {progress.Total:N0} articles{(progress.Resumed ? " (resumed)" : "")}");
        if (!terminal)
        {
            Console.Error.WriteLine($"retag: {line}");
            return;
        }

        var filled = (int)Math.Round(BarWidth * Math.Min(1.0, progress.Processed / (double)total));
        var rate = progress.Processed / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string(' ', BarWidth - filled)}] {line}, {rate:N0}/s "));
        _drawn = true;
    }

    public void Done()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
        }
    }
}
