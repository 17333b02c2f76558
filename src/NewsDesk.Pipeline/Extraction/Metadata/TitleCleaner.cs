namespace NewsDesk.Extraction.Metadata;

/// <summary>Removes the site name that &lt;title&gt; and og:title often carry ("Headline | Site").</summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / "];

    public static string? Clean(string? title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var separator in Separators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0)
            {
                var head = title[..last].Trim();
                var tail = title[(last + separator.Length)..].Trim();
                if (IsSiteName(tail, siteName) || (WordCount(tail) <= (siteName is null ? 5 : 4) && WordCount(head) > WordCount(tail) + 1))
                {
                    return head;
                }
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && siteName is not null && IsSiteName(title[..first].Trim(), siteName))
            {
                return title[(first + separator.Length)..].Trim();
            }
        }

        return title;
    }

    private static bool IsSiteName(string part, string? siteName) =>
        siteName is not null
        && (string.Equals(part, siteName.Trim(), StringComparison.OrdinalIgnoreCase)
            || Compact(part).Equals(Compact(siteName), StringComparison.OrdinalIgnoreCase));

    private static string Compact(string value) => new(value.Where(char.IsLetterOrDigit).ToArray());

    private static int WordCount(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
