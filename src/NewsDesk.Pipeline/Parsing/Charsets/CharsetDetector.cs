using UtfUnknown;

namespace NewsDesk.Parsing.Charsets;

/// <summary>
/// Statistical charset detection (UTF.Unknown, a port of Mozilla's universal detector) for a document that declares
/// no charset anywhere and is not valid UTF-8: legacy Big5, EUC, Shift_JIS, KOI8 and single-byte feeds that would
/// otherwise come out as replacement characters.
/// </summary>
internal static class CharsetDetector
{
    /// <summary>Below this the detector is guessing; UTF-8 with replacement characters is then the honest result.</summary>
    private const float MinConfidence = 0.2f;

    /// <returns>The encoding and the name the detector gives it, or null when it has no usable answer.</returns>
    public static (System.Text.Encoding Encoding, string Name)? Detect(byte[] data)
    {
        var best = CharsetDetectorCore(data);
        if (best?.Encoding is not { } encoding || best.Confidence < MinConfidence || encoding.CodePage is 65001 or 20127)
        {
            return null;
        }

        // The detector spells Shift_JIS with a hyphen; feeds and HTTP use the IANA name. It names GB18030 for any
        // Chinese text: text inside the GB2312 subset (which GB18030 decodes identically) is named for that, as a publisher would.
        var name = best.EncodingName switch
        {
            "shift-jis" => "shift_jis",
            "gb18030" when IsGb2312(data) => "gb2312",
            var other => other,
        };
        return (encoding, name);
    }

    /// <summary>Every non-ASCII byte is part of a GB2312 pair: lead 0xA1-0xF7, trail 0xA1-0xFE.</summary>
    private static bool IsGb2312(byte[] data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] < 0x80)
            {
                continue;
            }

            if (data[i] is < 0xA1 or > 0xF7 || i + 1 >= data.Length || data[i + 1] is < 0xA1 or > 0xFE)
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static DetectionDetail? CharsetDetectorCore(byte[] data) => UtfUnknown.CharsetDetector.DetectFromBytes(data).Detected;
}
