using System.Text.Json;
using NewsDesk.Parsing.Dates;

namespace NewsDesk.Parsing.Json;

/// <summary>JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) to ParsedFeed, read with System.Text.Json.</summary>
internal static class JsonFeedAdapter
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ParsedFeed Read(string text, Uri? baseUrl, int maxEntries)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new FeedParseException($"not valid JSON: {ex.Message}", (int?)ex.LineNumber + 1, (int?)ex.BytePositionInLine + 1, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            // Feeds in the wild write "version": "1.0" or omit it; an object with a title or items is read as a JSON Feed.
            if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("items", out _) || root.TryGetProperty("title", out _) || root.TryGetProperty("version", out _)))
            {
                var (line, column) = Xml.TextPosition.At(text, text.AsSpan().IndexOfAnyExcept(" \t\r\n"));
                throw new FeedParseException("JSON document is not a JSON Feed (no version, title or items)", line, column);
            }

            var authors = Authors(root);
            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : default;
            return new ParsedFeed
            {
                Format = "json",
                Title = Str(root, "title"),
                Link = Url(Str(root, "home_page_url"), baseUrl),
                Description = Str(root, "description"),
                Language = Str(root, "language"),
                FeedUrl = Url(Str(root, "feed_url"), baseUrl),
                ImageUrl = Url(Str(root, "icon") ?? Str(root, "favicon"), baseUrl),
                Authors = authors,
                Entries = [.. items.Where(i => i.ValueKind == JsonValueKind.Object).Take(maxEntries).Select(i => ReadItem(i, baseUrl, authors))],
            };
        }
    }

    private static FeedEntry ReadItem(JsonElement item, Uri? baseUrl, IReadOnlyList<FeedPerson> feedAuthors)
    {
        var link = Url(Str(item, "url") ?? Str(item, "external_url"), baseUrl);
        var authors = Authors(item);
        authors = authors.Count == 0 ? [.. feedAuthors] : authors;
        return new FeedEntry
        {
            Id = Str(item, "id") ?? link ?? string.Empty,
            Title = Str(item, "title"),
            Link = link,
            Published = FeedDateParser.Parse(Str(item, "date_published")),
            Updated = FeedDateParser.Parse(Str(item, "date_modified")),
            Summary = Str(item, "summary"),
            Content = Str(item, "content_html") ?? Str(item, "content_text"),
            Author = authors.FirstOrDefault()?.Name,
            Authors = authors,
            Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
                : [],
            Links = link is null ? [] : [new FeedLink(link, "alternate", "text/html")],
            Enclosures = item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
                ? [.. attachments.EnumerateArray().Select(a => (Url: Url(Str(a, "url"), baseUrl), A: a)).Where(a => a.Url is not null)
                    .Select(a => new FeedEnclosure(a.Url!, Str(a.A, "mime_type"), a.A.TryGetProperty("size_in_bytes", out var s) && s.TryGetInt64(out var n) ? n : null))]
                : [],
        };
    }

    /// <summary>JSON Feed 1.1 "authors" array, or 1.0's single "author".</summary>
    private static List<FeedPerson> Authors(JsonElement parent)
    {
        var people = new List<JsonElement>();
        if (parent.TryGetProperty("authors", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            people.AddRange(array.EnumerateArray());
        }
        else if (parent.TryGetProperty("author", out var single))
        {
            people.Add(single);
        }

        return [.. people.Where(p => p.ValueKind == JsonValueKind.Object).Select(p => new FeedPerson(Str(p, "name"), null, Str(p, "url")))];
    }

    private static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? Url(string? href, Uri? baseUrl) =>
        href is null || baseUrl is null || !Uri.TryCreate(baseUrl, href, out var resolved) ? href : resolved.AbsoluteUri;
}
