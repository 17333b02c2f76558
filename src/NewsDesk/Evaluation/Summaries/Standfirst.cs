using System.Net;
using System.Text.RegularExpressions;

namespace NewsDesk.Evaluation.Summaries;

/// <summary>
/// The publisher's own one- or two-sentence summary of a page: its og:description, else its meta description.
/// Read with a regex because only the head's meta tags matter and a full parse of 165 KB pages is not needed.
/// </summary>
internal static partial class Standfirst
{
    // Shorter than this it is a site slogan or a teaser fragment, not a summary to score against.
    private const int MinimumWords = 8;

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"([\w:-]+)\s*=\s*(?:""([^""]*)""|'([^']*)')", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    public static string? FromHtml(string html)
    {
        string? description = null;
        string? openGraph = null;
        foreach (Match tag in MetaTag().Matches(html))
        {
            var attributes = Attribute().Matches(tag.Value).ToDictionary(
                a => a.Groups[1].Value.ToLowerInvariant(),
                a => a.Groups[2].Success ? a.Groups[2].Value : a.Groups[3].Value,
                StringComparer.Ordinal);
            if (!attributes.TryGetValue("content", out var content))
            {
                continue;
            }

            var key = (attributes.GetValueOrDefault("property") ?? attributes.GetValueOrDefault("name") ?? "").ToLowerInvariant();
            if (key == "og:description")
            {
                openGraph ??= content;
            }
            else if (key == "description")
            {
                description ??= content;
            }
        }

        return Usable(openGraph ?? description);
    }

    public static string? Usable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var decoded = WebUtility.HtmlDecode(text).Trim();
        return Text.WordTokenizer.Tokens(decoded).Count >= MinimumWords ? decoded : null;
    }
}
