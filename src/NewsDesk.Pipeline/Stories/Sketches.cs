using System.Numerics;

namespace NewsDesk.Stories;

/// <summary>MinHash of word shingles (near-duplicate text) and SimHash of a bag of words (near-identical titles).</summary>
internal static class Sketches
{
    public static uint[] MinHash(IReadOnlyList<string> tokens, int hashCount, int shingleSize)
    {
        var shingles = new HashSet<ulong>();
        if (tokens.Count > 0 && tokens.Count < shingleSize)
        {
            shingles.Add(StableHash.Of(string.Join(' ', tokens)));
        }

        for (var i = 0; i + shingleSize <= tokens.Count; i++)
        {
            shingles.Add(StableHash.Of(string.Join(' ', tokens.Skip(i).Take(shingleSize))));
        }

        if (shingles.Count == 0)
        {
            return [];
        }

        var minimum = new uint[hashCount];
        Array.Fill(minimum, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var h = 0; h < hashCount; h++)
            {
                var value = (uint)StableHash.Mix(shingle ^ Seed(h));
                if (value < minimum[h])
                {
                    minimum[h] = value;
                }
            }
        }

        return minimum;
    }

    /// <summary>The share of equal slots: an unbiased estimate of the Jaccard similarity of the two shingle sets.</summary>
    public static double EstimateJaccard(uint[] a, uint[] b)
    {
        if (a.Length == 0 || a.Length != b.Length)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            equal += a[i] == b[i] ? 1 : 0;
        }

        return equal / (double)a.Length;
    }

    public static ulong SimHash(IEnumerable<string> terms)
    {
        Span<int> weights = stackalloc int[64];
        foreach (var term in terms)
        {
            var hash = StableHash.Of(term);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += (hash >> bit & 1) == 1 ? 1 : -1;
            }
        }

        var result = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    public static int Hamming(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static ulong Seed(int index) => StableHash.Mix(0x9E3779B97F4A7C15UL * (ulong)(index + 1));
}
