using System.Text.RegularExpressions;

namespace NewsDesk.Extraction.Metadata;

/// <summary>Finds the author: JSON-LD, then meta tags, then rel=author links and byline elements.</summary>
internal static partial class BylineReader
{
    private const int MaxLength = 120;

    public static string? Read(PageSignals signals, JsonLdArticle jsonLd)
    {
        if (Clean(jsonLd.Author) is { } fromJsonLd)
        {
            return fromJsonLd;
        }

        var fromMeta = MetadataReader.Meta(signals.Meta, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl");
        if (fromMeta is not null && !fromMeta.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Clean(fromMeta) is { } cleanMeta)
        {
            return cleanMeta;
        }

        foreach (var candidate in signals.Bylines)
        {
            // A visible byline block often carries the date too ("By Jane Doe <br> March 25, 2015").
            if (Clean(candidate) is { } fromPage && WithoutTrailingDate(fromPage) is { Length: > 0 } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? Clean(string? value)
    {
        var text = MetadataReader.Normalise(value);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].Trim();
        }

        return text.Length is > 0 and <= MaxLength ? text : null;
    }

    /// <summary>The name before a trailing date or time ("Nathan Willis March 25, 2015" is "Nathan Willis").</summary>
    internal static string WithoutTrailingDate(string byline)
    {
        var match = TrailingDate().Match(byline);
        return match.Success ? byline[..match.Index].TrimEnd(' ', ',', '|', '·', '•', '—', '–', '-') : byline;
    }

    // A date, optionally after a separator, "on", a label ("Updated:") or a weekday, running to the end.
    [GeneratedRegex(
        @"\s*(?:[|,·•—–-]\s*)?(?:(?:updated|published|posted)\b:?\s*)?(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
        + @"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        + @"|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
        + @"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}).*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDate();
}
