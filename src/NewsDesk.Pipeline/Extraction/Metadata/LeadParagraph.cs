namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// The description of last resort, for pages that publish none: the first prose paragraph of the
/// extracted article, as Readability's excerpt does. Headings, datelines and one-line labels are not
/// prose; a long paragraph is cut after the last whole sentence that fits, or else at a word, with "…".
/// </summary>
internal static class LeadParagraph
{
    /// <summary>About 15 words: less is a heading, a caption or a dateline.</summary>
    private const int MinLetters = 80;
    private const int MaxLength = 400;

    public static string? From(string articleText)
    {
        foreach (var range in articleText.AsSpan().Split('\n'))
        {
            var line = articleText.AsSpan(range).Trim();
            if (IsProse(line))
            {
                return Shorten(line.ToString());
            }
        }

        return null;
    }

    private static bool IsProse(ReadOnlySpan<char> line)
    {
        var letters = 0;
        var spaces = 0;
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
            else if (c == ' ')
            {
                spaces++;
            }
        }

        // Sentences end in punctuation; a long link list or a run of tags does not.
        return letters >= MinLetters && spaces >= 8 && line.IndexOfAny(".!?。") >= 0;
    }

    private static string Shorten(string paragraph)
    {
        if (paragraph.Length <= MaxLength)
        {
            return paragraph;
        }

        for (var end = MaxLength - 1; end >= MinLetters; end--)
        {
            if (paragraph[end] is '.' or '!' or '?' or '。' && (end + 1 == paragraph.Length || paragraph[end + 1] == ' '))
            {
                return paragraph[..(end + 1)];
            }
        }

        var cut = paragraph.LastIndexOf(' ', MaxLength - 1);
        return (cut > 0 ? paragraph[..cut] : paragraph[..(MaxLength - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
