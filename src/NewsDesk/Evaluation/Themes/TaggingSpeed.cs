using System.Diagnostics;
using NewsDesk.Tagging;

namespace NewsDesk.Evaluation.Themes;

/// <summary>
/// Measures single-threaded tagging throughput on articles with ~5 KB bodies, built at run time from the data set's
/// own ledes (so no article text is stored in the repository).
/// </summary>
internal static class TaggingSpeed
{
    public sealed record Measurement(int Articles, double Seconds, double AverageBodyChars)
    {
        public double ArticlesPerSecond => Articles / Seconds;
    }

    public static Measurement Run(ThemeTagger tagger, IReadOnlyList<LabelledItem> items, int bodyChars = 5000, TimeSpan? duration = null)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("no items to build articles from", nameof(items));
        }

        var inputs = BuildInputs(items, bodyChars);
        foreach (var input in inputs)
        {
            tagger.Tag(input); // warm-up: JIT and first-call allocations are not throughput
        }

        var limit = duration ?? TimeSpan.FromSeconds(3);
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
        return new Measurement(count, clock.Elapsed.TotalSeconds, inputs.Average(i => i.Body!.Length));
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
