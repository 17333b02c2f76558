using System.Diagnostics;
using System.Globalization;

namespace NewsDesk.Benchmarking;

/// <summary>
/// The process's peak resident set size over a span of work. On Linux the kernel's own high-water mark (VmHWM) is
/// reset at the start (writing 5 to /proc/self/clear_refs) and read at the end; elsewhere, or if that is refused,
/// RSS is sampled every 50 ms and the largest sample counts.
/// </summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly bool _kernelPeak;
    private long _sampledPeak;

    private PeakMemory()
    {
        _kernelPeak = TryResetKernelPeak();
        _sampler = Task.Run(SampleAsync);
    }

    /// <summary>How the peak was measured, for the report.</summary>
    public string Method => _kernelPeak ? "VmHWM, reset at start" : "sampled every 50 ms";

    public static PeakMemory Start() => new();

    public static long CurrentRss()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>The peak so far, in bytes.</summary>
    public long Peak()
    {
        var sampled = Math.Max(Volatile.Read(ref _sampledPeak), CurrentRss());
        return _kernelPeak && ReadKernelPeak() is { } kernel ? kernel : sampled;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampler.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var rss = CurrentRss();
                if (rss > Volatile.Read(ref _sampledPeak))
                {
                    Volatile.Write(ref _sampledPeak, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the measured span.
        }
    }

    private static bool TryResetKernelPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return ReadKernelPeak() is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? ReadKernelPeak()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
