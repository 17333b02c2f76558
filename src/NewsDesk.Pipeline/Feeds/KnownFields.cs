using System.Text.Json;

namespace NewsDesk.Feeds;

/// <summary>
/// A feeds.json object may hold only the fields NewsDesk reads: a misspelt one ("heders", "titel") would otherwise be
/// ignored, and a token silently not sent. The same rule as schemas/feeds.schema.json.
/// </summary>
internal static class KnownFields
{
    public static void Check(JsonElement element, string where, string prefix, params string[] names)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new FeedCatalogException($"{where}: field \"{prefix}{property.Name}\" is not a feeds.json field; the fields here are {string.Join(", ", names.Select(n => prefix + n))}.");
            }
        }
    }
}
