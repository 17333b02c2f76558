using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsDesk.Parsing.Xml;

/// <summary>
/// Makes href/src attributes inside HTML content absolute against the content's xml:base and the
/// document URL. Later stages (extraction, exports) see the entry without its feed and could not do it.
/// </summary>
internal static partial class HtmlUrlResolver
{
    public static string? Resolve(XElement? context, string? html, Uri? baseUrl)
    {
        if (context is null || string.IsNullOrEmpty(html) || !html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        var b = UrlResolver.BaseOf(context, baseUrl);
        if (b is null)
        {
            return html;
        }

        html = SrcsetAttribute().Replace(html, m =>
            $"{m.Groups["a"].Value}={m.Groups["q"].Value}{ResolveSrcset(m.Groups["v"].Value, b)}{m.Groups["q"].Value}");
        return UrlAttribute().Replace(html, m =>
        {
            var value = m.Groups["v"].Value;
            if (value.Length == 0 || value.StartsWith('#') || IsAbsolute(value)
                || !Uri.TryCreate(b, System.Net.WebUtility.HtmlDecode(value), out var resolved))
            {
                return m.Value;
            }

            return $"{m.Groups["a"].Value}={m.Groups["q"].Value}{resolved.AbsoluteUri}{m.Groups["q"].Value}";
        });
    }

    /// <summary>On Unix .NET reads "/path" as an absolute file: URI; in HTML it is a path on the page's host.</summary>
    private static bool IsAbsolute(string value) => !value.StartsWith('/') && Uri.TryCreate(value, UriKind.Absolute, out _);

    /// <summary>srcset is a comma-separated list of "URL [descriptor]" candidates; each URL is resolved, descriptors kept.</summary>
    private static string ResolveSrcset(string srcset, Uri b) => string.Join(", ", srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(candidate =>
        {
            var space = candidate.IndexOfAny([' ', '\t', '\n']);
            var url = space < 0 ? candidate : candidate[..space];
            var resolved = IsAbsolute(url) || !Uri.TryCreate(b, System.Net.WebUtility.HtmlDecode(url), out var r) ? url : r.AbsoluteUri;
            return space < 0 ? resolved : resolved + candidate[space..];
        }));

    [GeneratedRegex("""(?<a>\bsrcset)\s*=\s*(?<q>["'])(?<v>[^"'<>]*)\k<q>""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcsetAttribute();

    [GeneratedRegex("""(?<a>\b(?:href|src))\s*=\s*(?<q>["'])(?<v>[^"'<>]*)\k<q>""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
