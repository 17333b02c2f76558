using System.Net;
using System.Text.RegularExpressions;

namespace NewsDesk.Parsing;

/// <summary>
/// Titles for entries and feeds that have none (as Miniflux does): the start of the entry's text, else
/// its link; for a feed, its site URL. Digests and story grouping need something to show and compare.
/// </summary>
internal static partial class TitleFallback
{
    private const int MaxLength = 100;

    public static string? ForEntry(FeedEntry entry)
    {
        var text = PlainText(entry.Summary) ?? PlainText(entry.Content);
        if (text is null)
        {
            return entry.Link;
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : MaxLength), "…");
    }

    private static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var text = Whitespace().Replace(WebUtility.HtmlDecode(InlineTags().Replace(BlockTags().Replace(html, " "), string.Empty)), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"</?(?:p|div|br|li|ul|ol|h\d|tr|td|th|table|blockquote|pre|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
