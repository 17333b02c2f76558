using System.Globalization;
using System.Text.RegularExpressions;
using NewsDesk.Parsing;

namespace NewsDesk.Evaluation.Feeds;

/// <summary>
/// Maps the corpus's normalised keys (feed.title, items[0].links[1].href ...) to values of ParsedFeed.
/// Returns false for keys NewsDesk's model has no field for: those are "not comparable", not failures.
/// </summary>
internal static partial class ExpectationReader
{
    public static bool TryRead(ParsedFeed feed, string key, out object? value)
    {
        value = null;
        switch (key)
        {
            case "format":
                value = feed.Format;
                return true;
            case "encoding":
                value = feed.Encoding;
                return true;
            case "items.count":
                value = feed.Entries.Count;
                return true;
        }

        var m = ItemKey().Match(key);
        if (m.Success)
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var entry = index < feed.Entries.Count ? feed.Entries[index] : null;
            return TryReadEntry(entry, m.Groups[2].Value, out value);
        }

        return key.StartsWith("feed.", StringComparison.Ordinal) && TryReadFeed(feed, key["feed.".Length..], out value);
    }

    private static bool TryReadFeed(ParsedFeed f, string field, out object? value)
    {
        value = field switch
        {
            "title" => f.Title,
            "link" => f.Link,
            "description" => f.Description,
            "language" => f.Language,
            "copyright" => f.Copyright,
            "id" => f.Id,
            "generator" => f.Generator,
            "image_url" => f.ImageUrl,
            "ttl" => f.TtlMinutes,
            "feed_url" => f.FeedUrl,
            "updated" => f.Updated,
            "published" => f.Published,
            _ => Missing,
        };
        return value != Missing || TryReadPeopleLinksCategories(f.Authors, f.Links, f.Categories, [], field, out value);
    }

    private static bool TryReadEntry(FeedEntry? e, string field, out object? value)
    {
        value = field switch
        {
            "title" => e?.Title,
            "link" => e?.Link,
            "id" => e?.Id,
            "summary" => e?.Summary,
            "content" => e?.Content,
            "body" => e?.Content ?? e?.Summary,
            "summary_or_content" => e?.Summary ?? e?.Content,
            "published" => e?.Published,
            "updated" => e?.Updated,
            "date" => e?.Published ?? e?.Updated,
            "comments" => e?.Comments,
            "rights" => e?.Rights,
            _ => Missing,
        };
        return value != Missing || TryReadPeopleLinksCategories(e?.Authors ?? [], e?.Links ?? [], e?.Categories ?? [], e?.Enclosures ?? [], field, out value);
    }

    private static bool TryReadPeopleLinksCategories(
        IReadOnlyList<FeedPerson> authors, IReadOnlyList<FeedLink> links, IReadOnlyList<string> categories,
        IReadOnlyList<FeedEnclosure> enclosures, string field, out object? value)
    {
        value = null;
        var first = authors.Count > 0 ? authors[0] : null;
        switch (field)
        {
            case "author":
                value = AuthorLine(authors);
                return true;
            case "author_names":
                value = authors.Count == 0 ? null : string.Join(", ", authors.Select(a => a.Name ?? a.Email));
                return true;
            case "author_name":
                value = first?.Name;
                return true;
            case "author_email":
                value = first?.Email;
                return true;
            case "author_url":
                value = first?.Uri;
                return true;
            case "links.count":
                value = links.Count;
                return true;
            case "categories.count":
                value = categories.Count;
                return true;
            case "enclosures.count":
                value = enclosures.Count;
                return true;
        }

        var m = ListKey().Match(field);
        if (!m.Success)
        {
            return false;
        }

        var i = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture);
        var sub = m.Groups["sub"].Value;
        value = m.Groups["list"].Value switch
        {
            "categories" when sub.Length == 0 => At(categories, i),
            "authors" => At(authors, i) is { } p ? sub switch { ".name" => p.Name, ".email" => p.Email, ".url" => p.Uri, _ => Missing } : null,
            "links" => At(links, i) is { } l ? sub switch { ".href" => l.Href, ".rel" => l.Rel, ".type" => l.Type, ".title" => l.Title, ".length" => l.Length, _ => Missing } : null,
            "enclosures" => At(enclosures, i) is { } n ? sub switch { ".url" => n.Url, ".type" => n.Type, ".length" => n.Length, _ => Missing } : null,
            _ => Missing,
        };
        return value != Missing;
    }

    /// <summary>
    /// The sources' one-line author: "Name (email)" for a single person (feedparser), names joined by
    /// ", " for several (Miniflux).
    /// </summary>
    private static string? AuthorLine(IReadOnlyList<FeedPerson> authors) => authors.Count switch
    {
        0 => null,
        1 => authors[0] is { Name: { } n, Email: { } e } ? $"{n} ({e})" : authors[0].Name ?? authors[0].Email,
        _ => string.Join(", ", authors.Select(a => a.Name ?? a.Email)),
    };

    private static T? At<T>(IReadOnlyList<T> list, int i) where T : class => i < list.Count ? list[i] : null;

    private static readonly object Missing = new();

    [GeneratedRegex(@"^items\[(\d+)\]\.(.+)$")]
    private static partial Regex ItemKey();

    [GeneratedRegex(@"^(?<list>categories|authors|links|enclosures)\[(?<i>\d+)\](?<sub>\..+)?$")]
    private static partial Regex ListKey();
}
