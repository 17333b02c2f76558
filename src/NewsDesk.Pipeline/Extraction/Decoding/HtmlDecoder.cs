using System.Text;
using System.Text.RegularExpressions;
using NewsDesk.Text;

namespace NewsDesk.Extraction.Decoding;

/// <summary>
/// Turns a response body into text the way browsers do: a byte-order mark wins, then the HTTP
/// charset, then a &lt;meta charset&gt; in the first few kilobytes, then UTF-8.
/// </summary>
internal static partial class HtmlDecoder
{
    private const int MetaScanBytes = 4096;

    static HtmlDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="maxBytes">Bytes decoded at most; the rest of the body is ignored (a cut character becomes U+FFFD).</param>
    public static string Decode(byte[] body, string? contentType, int maxBytes = int.MaxValue)
    {
        var (encoding, bomLength) = FromBom(body);
        encoding ??= FromName(CharsetFromContentType(contentType)) ?? FromName(CharsetFromMeta(body)) ?? new UTF8Encoding(false);
        return encoding.GetString(body, bomLength, Math.Max(0, Math.Min(body.Length, maxBytes) - bomLength));
    }

    /// <summary>True for HTML media types, or when no type is given and the bytes do not look binary.</summary>
    public static bool IsHtml(byte[] body, string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(mediaType))
        {
            return mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
        }

        var scan = Math.Min(body.Length, 1024);
        return Array.IndexOf(body, (byte)0, 0, scan) < 0 || FromBom(body).Encoding is UnicodeEncoding;
    }

    private static (Encoding? Encoding, int Length) FromBom(byte[] body)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return (new UTF8Encoding(false), 3);
        }

        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return (new UnicodeEncoding(false, false), 2);
        }

        return body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF ? (new UnicodeEncoding(true, false), 2) : (null, 0);
    }

    internal static string? CharsetFromContentType(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var match = ContentTypeCharset().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? CharsetFromMeta(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, MetaScanBytes));
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Labels outside the WHATWG list (UTF-7, EBCDIC) count as no label, see <see cref="WebCharsets"/>.</summary>
    private static Encoding? FromName(string? name) => WebCharsets.Resolve(name) switch
    {
        // A page cannot really be UTF-16 if its meta tag was readable as ASCII; browsers treat this as UTF-8 too.
        UnicodeEncoding => new UTF8Encoding(false),
        var encoding => encoding,
    };

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentTypeCharset();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
