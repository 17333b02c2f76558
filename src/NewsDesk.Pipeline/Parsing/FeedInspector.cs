using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsDesk.Parsing;

/// <summary>Writes a parsed feed as indented JSON for people to read (`feeds inspect`).</summary>
public static class FeedInspector
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ParsedFeed feed, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(output);
        var view = new
        {
            format = feed.Format,
            title = feed.Title,
            link = feed.Link,
            items = feed.Entries.Select(e => new
            {
                id = e.Id,
                title = e.Title,
                link = e.Link,
                published = e.Published?.UtcDateTime,
                updated = e.Updated?.UtcDateTime,
                summary = e.Summary,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(view, Options));
    }
}
