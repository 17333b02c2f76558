using System.Diagnostics;
using System.Globalization;

namespace NewsDesk.Commands;

/// <summary>
/// A live row counter with its rate, drawn on stderr only when stderr is an interactive terminal; piped or
/// redirected runs stay silent so logs and scripts see nothing but the result.
/// </summary>
internal sealed class ExportProgress
{
    private const int Every = 500;
    private const int BarWidth = 24;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _frame;

    private ExportProgress()
    {
    }

    public static ExportProgress? ForTerminal() => Console.IsErrorRedirected ? null : new ExportProgress();

    public void Report(int rows)
    {
        if (rows % Every != 0)
        {
            return;
        }

        // The total is unknown until the query ends (filters run while streaming), so the bar sweeps to show life.
        var position = _frame++ % (BarWidth * 2);
        var head = position < BarWidth ? position : (BarWidth * 2) - position - 1;
        var bar = new string(' ', head) + "###" + new string(' ', Math.Max(0, BarWidth - head));
        var rate = rows / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{bar}] {rows:N0} rows, {rate:N0} rows/s "));
    }

    public void Done(int rows) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{new string(' ', BarWidth + 40)}\r{rows:N0} rows in {_clock.Elapsed.TotalSeconds:0.0} s"));
}
