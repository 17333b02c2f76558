namespace NewsDesk.Extraction.Metadata;

/// <summary>Finds the author: JSON-LD, then meta tags, then rel=author links and byline elements.</summary>
internal static class BylineReader
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
            if (Clean(candidate) is { } fromPage)
            {
                return fromPage;
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
}
