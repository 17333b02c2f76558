namespace NewsDesk.Stories;

/// <summary>
/// Hashes that never change between runs or machines: signatures are stored in the database and compared
/// with ones computed months later, so string.GetHashCode (randomised per process) will not do.
/// </summary>
internal static class StableHash
{
    public static ulong Of(string value)
    {
        // FNV-1a over UTF-16 code units.
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the output, so seeds give independent hashes.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 30;
        value *= 0xBF58476D1CE4E5B9UL;
        value ^= value >> 27;
        value *= 0x94D049BB133111EBUL;
        value ^= value >> 31;
        return value;
    }
}
