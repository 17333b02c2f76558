using System.Text;

namespace NewsDesk.Tests.Reliability;

/// <summary>
/// Deterministic mutations of a seed document: byte flips, truncation, tag duplication, entity insertion, random
/// insertion and splicing with another seed. The same seed number always yields the same sequence of inputs.
/// </summary>
internal sealed class Mutator(int seed, IReadOnlyList<byte[]> seeds)
{
    private static readonly string[] Entities = ["&amp;", "&lt;", "&#0;", "&#x1F600;", "&#99999999;", "&bogus;", "&", "&#", "&#x;", "&nbsp;", "]]>", "<![CDATA[", "<!--", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "\uFEFF", "\0"];

    private readonly Random _random = new(seed);

    public byte[] Next(out int seedIndex)
    {
        seedIndex = _random.Next(seeds.Count);
        var data = new List<byte>(seeds[seedIndex]);
        var rounds = 1 + _random.Next(6);
        for (var r = 0; r < rounds && data.Count > 0; r++)
        {
            switch (_random.Next(6))
            {
                case 0:
                    for (var f = 0; f < 1 + _random.Next(8); f++)
                    {
                        var at = _random.Next(data.Count);
                        data[at] ^= (byte)(1 << _random.Next(8));
                    }

                    break;
                case 1:
                    var cut = _random.Next(data.Count);
                    data.RemoveRange(cut, data.Count - cut);
                    break;
                case 2:
                    DuplicateTag(data);
                    break;
                case 3:
                    data.InsertRange(_random.Next(data.Count + 1), Encoding.UTF8.GetBytes(Entities[_random.Next(Entities.Length)]));
                    break;
                case 4:
                    var noise = new byte[1 + _random.Next(16)];
                    _random.NextBytes(noise);
                    data.InsertRange(_random.Next(data.Count + 1), noise);
                    break;
                default:
                    var other = seeds[_random.Next(seeds.Count)];
                    var from = _random.Next(other.Length);
                    var length = Math.Min(other.Length - from, 1 + _random.Next(400));
                    data.InsertRange(_random.Next(data.Count + 1), other.Skip(from).Take(length));
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Copies one tag (from '&lt;' to the next '&gt;') to a random place, sometimes many times.</summary>
    private void DuplicateTag(List<byte> data)
    {
        var start = data.IndexOf((byte)'<', _random.Next(data.Count));
        if (start < 0)
        {
            return;
        }

        var end = data.IndexOf((byte)'>', start);
        if (end < 0)
        {
            return;
        }

        var tag = data.GetRange(start, end - start + 1);
        var copies = _random.Next(4) == 0 ? 200 : 1;
        var at = _random.Next(data.Count + 1);
        for (var c = 0; c < copies; c++)
        {
            data.InsertRange(at, tag);
        }
    }
}
