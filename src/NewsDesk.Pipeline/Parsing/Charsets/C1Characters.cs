using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Parsing.Charsets;

/// <summary>
/// C1 control characters (U+0080-U+009F) never mean anything in a feed: they are windows-1252 quotes and
/// dashes that went through a Latin-1 conversion, as raw characters or as references (&amp;#146;) inside
/// escaped HTML. Both forms are mapped back to the characters the author typed.
/// </summary>
internal static partial class C1Characters
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static string Fix(string text)
    {
        if (text.Any(c => c is >= '\u0080' and <= '\u009F'))
        {
            text = string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var c = source[i];
                    span[i] = c is >= '\u0080' and <= '\u009F' ? Windows1252.GetString([(byte)c])[0] : c;
                }
            });
        }

        return text.Contains("&#", StringComparison.Ordinal) ? Reference().Replace(text, Map) : text;
    }

    private static string Map(Match m)
    {
        var hex = m.Groups["hex"].Success;
        var code = int.Parse(hex ? m.Groups["hex"].Value : m.Groups["dec"].Value, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        return code is >= 0x80 and <= 0x9F
            ? $"&#x{char.ConvertToUtf32(Windows1252.GetString([(byte)code]), 0):x};"
            : m.Value;
    }

    [GeneratedRegex("&#(?:[xX](?<hex>0*[89][0-9a-fA-F])|(?<dec>0*1[2-5][0-9]));")]
    private static partial Regex Reference();
}
