using System.Text;
using System.Text.RegularExpressions;
using NewsDesk.Text;

namespace NewsDesk.Parsing.Charsets;

/// <summary>
/// Turns feed bytes into text. Order of authority: byte-order mark, then the HTTP charset (servers
/// re-encode; the declaration inside the file is the author's wish), then the XML declaration, then UTF-8.
/// </summary>
internal static partial class FeedTextDecoder
{
    // Latin1AsWindows1252 needs windows-1252 before any label has gone through WebCharsets.
    static FeedTextDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(byte[] data, string? contentType)
    {
        var (bomEncoding, bomLength) = DetectBom(data);
        if (bomEncoding is not null)
        {
            return new DecodedText(bomEncoding.GetString(data, bomLength, data.Length - bomLength), bomEncoding.WebName.Name());
        }

        var declared = GetEncoding(CharsetFromContentType(contentType));

        // RFC 3023: text/xml without a charset is US-ASCII. Followed only where it is true: on a non-ASCII body the
        // rule (obsolete since RFC 7303) would mis-decode real UTF-8 feeds, so the steps below decide there.
        if (declared is null && IsTextXml(contentType) && !HasNonAscii(data))
        {
            return new DecodedText(System.Text.Encoding.ASCII.GetString(data), "us-ascii");
        }

        if (declared is not null)
        {
            return new DecodedText(declared.GetString(data), declared.WebName.Name());
        }

        var sniffed = SniffUtf16(data);
        if (sniffed is not null)
        {
            return new DecodedText(sniffed.GetString(data), sniffed.WebName.Name());
        }

        var xmlDeclared = GetEncoding(CharsetFromXmlDeclaration(data));

        // Nothing declares a charset and the bytes are not UTF-8: a legacy feed, whose charset only statistics can tell.
        if (xmlDeclared is null && !IsValidUtf8(data) && CharsetDetector.Detect(data) is { } detected)
        {
            return new DecodedText(detected.Encoding.GetString(data), detected.Name);
        }

        if (xmlDeclared is null || xmlDeclared is UnicodeEncoding || xmlDeclared.CodePage == 65001)
        {
            return new DecodedText(DecodeUtf8(data), "utf-8");
        }

        // A document declared as a Western single-byte charset that is in fact valid UTF-8 with
        // non-ASCII bytes was mislabelled by its CMS; decoding as declared would produce mojibake.
        if (xmlDeclared.CodePage is 1252 or 28591 && HasNonAscii(data) && IsValidUtf8(data))
        {
            return new DecodedText(DecodeUtf8(data), "utf-8");
        }

        return new DecodedText(xmlDeclared.GetString(data), xmlDeclared.WebName.Name());
    }

    private static (System.Text.Encoding? Encoding, int Length) DetectBom(byte[] d) => d switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(true, false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(false, false), 4),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false), 2),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false), 2),
        _ => (null, 0),
    };

    private static System.Text.Encoding? SniffUtf16(byte[] d) => d switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(true, false),
        [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(false, false),
        [0x00, 0x3C, 0x00, _, ..] => new UnicodeEncoding(true, false),
        [0x3C, 0x00, _, 0x00, ..] => new UnicodeEncoding(false, false),
        _ => null,
    };

    private static bool IsTextXml(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().ToLowerInvariant() is var mediaType
        && mediaType.StartsWith("text/", StringComparison.Ordinal) && mediaType.Contains("xml", StringComparison.Ordinal);

    private static string DecodeUtf8(byte[] data) => System.Text.Encoding.UTF8.GetString(data);

    private static bool HasNonAscii(byte[] data) => data.Any(b => b >= 0x80);

    private static bool IsValidUtf8(byte[] data) => System.Text.Unicode.Utf8.IsValid(data);

    private static System.Text.Encoding? GetEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim().Trim('"', '\'').ToLowerInvariant();

        // GB18030 is a superset of GB2312 and GBK; publishers declare the older names for text that uses the newer one.
        name = name is "gb2312" or "gbk" or "x-gbk" ? "gb18030" : name;

        // As browsers do (WHATWG Encoding): text labelled Latin-1 is windows-1252, whose 0x80-0x9F are curly quotes and dashes.
        if (name is "iso-8859-1" or "latin1" or "l1" or "iso8859-1" or "iso_8859-1")
        {
            return new Latin1AsWindows1252();
        }

        // Unknown names ("utf8mb4", typos) and those browsers ignore (UTF-7, EBCDIC) fall back to the next source of truth.
        return WebCharsets.Resolve(name);
    }

    private static string? CharsetFromContentType(string? contentType)
    {
        var m = contentType is null ? Match.Empty : ContentTypeCharset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? CharsetFromXmlDeclaration(byte[] data)
    {
        var head = System.Text.Encoding.ASCII.GetString(data, 0, Math.Min(data.Length, 512));
        var m = XmlDeclarationEncoding().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([^\s;""']+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTypeCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclarationEncoding();
}
