namespace NewsDesk.Benchmarking;

/// <summary>A seed that is the same in every run (string.GetHashCode is randomised per process), so pages are reproducible.</summary>
internal static class BenchHash
{
    public static int Seed(string value)
    {
        // FNV-1a over UTF-16 code units, folded to a non-negative int.
        var hash = 2166136261U;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619U;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
