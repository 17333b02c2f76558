using System.Text;

namespace NewsDesk.Text;

/// <summary>
/// A linear pass over HTML before it reaches AngleSharp that bounds the tree it will build. Building the tree costs
/// time quadratic in its depth and the walks after it recurse, so the tags that would open deeper than
/// <see cref="MaxDepth"/> are dropped, with their end tags, and their text stays where it was (browsers do much the
/// same: Chromium stops nesting at the same 512 levels). The tree costs most of a kilobyte an element, so the HTML is
/// cut before its <see cref="MaxElements"/>th start tag (the parser closes what is open). Real article pages nest
/// well under 100 levels and hold a few thousand elements, and the pass counts generously (it does not close tags
/// implicitly as parsers do), so none is touched. docs/reliability.md has the figures.
/// </summary>
public static class HtmlBounds
{
    public const int MaxDepth = 512;

    public const int MaxElements = 20_000;

    // Elements that never hold children, or that the parser closes by itself when the next one starts.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot", "colgroup",
    };

    /// <summary><paramref name="html"/> itself when it is within both bounds, else a copy within them.</summary>
    public static string Bound(string html, int maxElements = MaxElements)
    {
        if (IsWithinBounds(html, maxElements))
        {
            return html;
        }

        var bounded = new StringBuilder(html.Length);
        var copied = 0;
        var depth = 0;
        var dropped = 0;
        var elements = 0;
        var notNesting = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var tag in Tags(html))
        {
            var drop = false;
            var nests = !notNesting.Contains(html.AsSpan(tag.Start, tag.Length));
            if (nests && tag.Closing)
            {
                // Unbalanced markup makes this approximate; what matters is that the depth stays bounded.
                drop = dropped > 0;
                dropped -= drop ? 1 : 0;
                depth = drop ? depth : Math.Max(0, depth - 1);
            }
            else if (nests && !tag.SelfClosing)
            {
                drop = depth >= MaxDepth;
                dropped += drop ? 1 : 0;
                depth += drop ? 0 : 1;
            }

            if (drop)
            {
                bounded.Append(html, copied, tag.Open - copied);
                copied = tag.End;
            }
            else if (!tag.Closing && ++elements > maxElements)
            {
                // Only the tags kept become elements of the tree.
                return bounded.Append(html, copied, tag.Open - copied).ToString();
            }
        }

        return bounded.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>True when no element opens deeper than <see cref="MaxDepth"/> and there are at most <paramref name="maxElements"/>.</summary>
    public static bool IsWithinBounds(string html, int maxElements = MaxElements)
    {
        var depth = 0;
        var elements = 0;
        var notNesting = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var tag in Tags(html))
        {
            if (!tag.Closing && ++elements > maxElements)
            {
                return false;
            }

            if (notNesting.Contains(html.AsSpan(tag.Start, tag.Length)))
            {
                continue;
            }

            if (tag.Closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!tag.SelfClosing && ++depth > MaxDepth)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each tag's name (as a range of <paramref name="html"/>), skipping comments and text that only looks like a tag.</summary>
    private static IEnumerable<Tag> Tags(string html)
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

            yield return new Tag(i, gt + 1, start, nameEnd - start, closing, html[gt - 1] == '/');
            i = gt + 1;
        }
    }

    /// <summary>One tag: from <see cref="Open"/> ('&lt;') to <see cref="End"/> (after '&gt;'), its name at <see cref="Start"/>.</summary>
    private readonly record struct Tag(int Open, int End, int Start, int Length, bool Closing, bool SelfClosing);
}
