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

        return UrlAttribute().Replace(html, m =>
        {
            var value = m.Groups["v"].Value;
            if (value.Length == 0 || value.StartsWith('#') || Uri.TryCreate(value, UriKind.Absolute, out _)
                || !Uri.TryCreate(b, System.Net.WebUtility.HtmlDecode(value), out var resolved))
            {
                return m.Value;
            }

            return $"{m.Groups["a"].Value}={m.Groups["q"].Value}{resolved.AbsoluteUri}{m.Groups["q"].Value}";
        });
    }

    [GeneratedRegex("""(?<a>\b(?:href|src))\s*=\s*(?<q>["'])(?<v>[^"'<>]*)\k<q>""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
