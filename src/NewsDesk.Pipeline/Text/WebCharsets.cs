using System.Text;

namespace NewsDesk.Text;

/// <summary>
/// Resolves a declared charset label the way browsers do (WHATWG Encoding Standard): only the encodings that
/// standard lists are honoured. A label outside it (UTF-7, the EBCDIC code pages such as ibm037, UTF-32) is ignored,
/// exactly like an unknown label, so the caller falls back to its next source (the meta tag, the XML declaration,
/// UTF-8). .NET would otherwise throw for UTF-7 (disabled since .NET 5) or decode EBCDIC bytes into nonsense.
/// </summary>
public static class WebCharsets
{
    // The WHATWG encodings that .NET provides (with the code-pages provider), by code page. The standard maps
    // latin1 and us-ascii to windows-1252 and iso-8859-9 to windows-1254; .NET's own code pages for those
    // labels are kept, as the decoders above adjust them where the difference shows.
    private static readonly HashSet<int> Standard =
    [
        65001, // utf-8
        1200, 1201, // utf-16le, utf-16be
        866, // ibm866
        28591, 28592, 28593, 28594, 28595, 28596, 28597, 28598, 38598, 28599, 28603, 28605, // iso-8859-x
        20127, // us-ascii (windows-1252 in the standard)
        20866, 21866, // koi8-r, koi8-u
        10000, 10007, // macintosh, x-mac-cyrillic
        874, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, // windows-874, windows-125x
        936, 54936, // gbk, gb18030
        950, // big5
        20932, 51932, // euc-jp
        50220, 50221, 50222, // iso-2022-jp
        932, // shift_jis
        949, 51949, // euc-kr
    ];

    static WebCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a browser would use for <paramref name="label"/>, or null when it would ignore the label.</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(label.Trim());
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // Unknown labels are common ("utf8mb4", typos); UTF-7 throws NotSupportedException.
            return null;
        }

        return Standard.Contains(encoding.CodePage) ? encoding : null;
    }
}
