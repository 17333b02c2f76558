using System.Text.Json;
using NewsDesk.Extraction;
using NewsDesk.Scraping;

namespace NewsDesk.Feeds;

/// <summary>Reads the optional "scrape" block of a feeds.json entry; a selector AngleSharp cannot read names the feed and field.</summary>
internal static class ScrapeRuleReader
{
    public static ScrapeRule? Read(JsonElement entry, string where)
    {
        if (!entry.TryGetProperty("scrape", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FeedCatalogException($"{where}: field \"scrape\" must be an object: {{ \"item\": \"CSS selector\", \"link\": \"a\", \"title\": \"…\", \"date\": \"time@datetime\" }}.");
        }

        KnownFields.Check(element, where, "scrape.", "item", "link", "title", "date");
        var item = Selector(element, "item", where, required: true)!;
        var rule = new ScrapeRule(item, Selector(element, "link", where, required: false) ?? "a", Selector(element, "title", where, required: false), String(element, "date", where));
        if (rule.DateSelector is { } date && !CssSelectors.IsValid(date))
        {
            throw new FeedCatalogException($"{where}: field \"scrape.date\" must be a CSS selector, optionally followed by @attribute (\"time@datetime\"), not \"{rule.Date}\".");
        }

        return rule;
    }

    private static string? Selector(JsonElement scrape, string name, string where, bool required)
    {
        var value = String(scrape, name, where);
        if (value is null && !required)
        {
            return null;
        }

        return CssSelectors.IsValid(value)
            ? value!.Trim()
            : throw new FeedCatalogException($"{where}: field \"scrape.{name}\" must be a CSS selector, not \"{value}\".");
    }

    private static string? String(JsonElement scrape, string name, string where)
    {
        if (!scrape.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw new FeedCatalogException($"{where}: field \"scrape.{name}\" must be a non-empty string.");
    }
}
