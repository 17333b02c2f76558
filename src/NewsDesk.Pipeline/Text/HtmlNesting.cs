using System.Net;
using System.Text;

namespace NewsDesk.Text;

/// <summary>
/// A linear pre-scan of how deeply HTML nests, before it reaches AngleSharp. Building the tree costs time quadratic in
/// its depth (20,000 levels take over a second, 100,000 take minutes), and the walks after it recurse, so a page or
/// a feed description nested beyond <see cref="MaxDepth"/> is not parsed at all: the caller falls back (the feed's
/// text, or the fragment's text with every tag removed). Chromium's parser stops nesting at 512 levels; real
/// pages stay well under 100, and the scan counts generously (it does not close tags implicitly as parsers do).
/// </summary>
public static class HtmlNesting
{
    public const int MaxDepth = 2_000;

    // Elements that never hold children, or that the parser closes by itself when the next one starts.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot", "colgroup",
    };

    /// <summary>True when some element of <paramref name="html"/> opens more than <see cref="MaxDepth"/> levels deep.</summary>
    public static bool IsTooDeep(string html)
    {
        var depth = 0;
        var notNesting = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (start, length, closing, selfClosing) in Tags(html))
        {
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!selfClosing && !notNesting.Contains(html.AsSpan(start, length)))
            {
                if (++depth > MaxDepth)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The text of <paramref name="html"/> with every tag removed and entities decoded, in one pass.</summary>
    public static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var end = lt < 0 ? html.Length : lt;
            text.Append(html, i, end - i).Append(' ');
            if (lt < 0)
            {
                break;
            }

            var gt = html.IndexOf('>', lt);
            i = gt < 0 ? html.Length : gt + 1;
        }

        return WebUtility.HtmlDecode(string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>Each tag's name (as a range of <paramref name="html"/>), skipping comments and text that only looks like a tag.</summary>
    private static IEnumerable<(int Start, int Length, bool Closing, bool SelfClosing)> Tags(string html)
    {
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var nameEnd = start;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }

            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0)
            {
                yield break;
            }

            yield return (start, nameEnd - start, closing, html[gt - 1] == '/');
            i = gt + 1;
        }
    }
}
