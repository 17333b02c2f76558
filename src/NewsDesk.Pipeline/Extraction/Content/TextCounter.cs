using System.Numerics;
using System.Runtime.Intrinsics;

namespace NewsDesk.Extraction.Content;

/// <summary>
/// Counts letters and digits (<see cref="char.IsLetterOrDigit(char)"/>) and commas in page text, eight
/// characters at a time while they are ASCII. The text of the whole body is counted, and a character
/// loop paid a mispredicted branch at nearly every word boundary: this was a third of building the tree.
/// </summary>
internal static class TextCounter
{
    public static void Count(ReadOnlySpan<char> text, ref int letters, ref int commas)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var nonAscii = Vector128.Create((ushort)0xFF80);
            var caseBit = Vector128.Create((ushort)0x20);
            var a = Vector128.Create((ushort)'a');
            var zero = Vector128.Create((ushort)'0');
            var comma = Vector128.Create((ushort)',');
            var alphabet = Vector128.Create((ushort)25);
            var digits = Vector128.Create((ushort)9);
            var chars = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
            for (; i + Vector128<ushort>.Count <= chars.Length; i += Vector128<ushort>.Count)
            {
                var block = Vector128.Create(chars.Slice(i, Vector128<ushort>.Count));
                if ((block & nonAscii) != Vector128<ushort>.Zero)
                {
                    CountScalar(text.Slice(i, Vector128<ushort>.Count), ref letters, ref commas);
                    continue;
                }

                // Unsigned wrap-around turns each range check into one comparison.
                var isLetter = Vector128.LessThanOrEqual((block | caseBit) - a, alphabet);
                var isDigit = Vector128.LessThanOrEqual(block - zero, digits);
                letters += BitOperations.PopCount((isLetter | isDigit).ExtractMostSignificantBits());
                commas += BitOperations.PopCount(Vector128.Equals(block, comma).ExtractMostSignificantBits());
            }
        }

        CountScalar(text[i..], ref letters, ref commas);
    }

    private static void CountScalar(ReadOnlySpan<char> text, ref int letters, ref int commas)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
            else if (c == ',' || c == '\u3001' || c == '\uFF0C')
            {
                commas++;
            }
        }
    }
}
