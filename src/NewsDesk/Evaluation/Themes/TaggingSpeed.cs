using System.Diagnostics;
using NewsDesk.Tagging;

namespace NewsDesk.Evaluation.Themes;

/// <summary>
/// Measures single-threaded tagging throughput on articles with ~5 KB bodies, built at run time from the data set's
/// own ledes (so no article text is stored in the repository).
/// </summary>
internal static class TaggingSpeed
{
    /// <summary>
    /// Wall-clock and process CPU time. On a shared machine the wall clock counts time other processes held the core,
    /// so CPU time is the fairer "one core" figure; both are reported.
    /// </summary>
    public sealed record Measurement(int Articles, double Seconds, double CpuSeconds, double AverageBodyChars)
    {
        public double ArticlesPerSecond => Articles / Seconds;
        public double ArticlesPerCpuSecond => Articles / CpuSeconds;
    }

    public static Measurement Run(ThemeTagger tagger, IReadOnlyList<LabelledItem> items, int bodyChars = 5000, TimeSpan? duration = null)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("no items to build articles from", nameof(items));
        }

        var inputs = BuildInputs(items, bodyChars);
        // Warm-up long enough for tiered JIT to promote the hot methods: tier-0 code is not steady-state throughput.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var input in inputs)
            {
                tagger.Tag(input);
            }
        }

        var limit = duration ?? TimeSpan.FromSeconds(3);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < limit)
        {
            foreach (var input in inputs)
            {
                tagger.Tag(input);
            }

            count += inputs.Count;
        }

        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new Measurement(count, clock.Elapsed.TotalSeconds, cpu, inputs.Average(i => i.Body!.Length));
    }

    private static List<TagInput> BuildInputs(IReadOnlyList<LabelledItem> items, int bodyChars)
    {
        var result = new List<TagInput>();
        for (var i = 0; i < items.Count; i++)
        {
            var body = new System.Text.StringBuilder();
            for (var j = 1; body.Length < bodyChars; j++)
            {
                var other = items[(i + j) % items.Count];
                body.Append(other.Title).Append(". ").Append(other.Lede).Append("\n\n");
            }

            result.Add(new TagInput(items[i].Title, items[i].Lede, body.ToString(0, Math.Min(body.Length, bodyChars))));
        }

        return result;
    }
}
