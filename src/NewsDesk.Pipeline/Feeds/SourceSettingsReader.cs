using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsDesk.Extraction;

namespace NewsDesk.Feeds;

/// <summary>
/// Reads the optional per-source fields of one feeds.json entry. Like the rest of the catalogue it is strict: a wrong
/// type, an unset environment variable or a selector AngleSharp cannot read stops the load, naming feed and field.
/// </summary>
internal static partial class SourceSettingsReader
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <param name="allowUnset">Keep a "${NAME}" whose variable is unset as written, and note it, instead of failing (listing only).</param>
    public static SourceSettings Read(JsonElement entry, string where, Func<string, string?> environment, bool allowUnset = false)
    {
        var unset = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var settings = new SourceSettings
        {
            Headers = StringMap(entry, "headers", where, environment, allowUnset ? unset : null),
            UserAgent = OptionalString(entry, "userAgent", where),
            Cookies = StringMap(entry, "cookies", where, environment, allowUnset ? unset : null),
            Timeout = Timeout(entry, where),
            MaxItems = MaxItems(entry, where),
            Extract = Extract(entry, where),
        };
        return settings.Headers.Count == 0 && settings.Cookies.Count == 0 && settings.UserAgent is null && settings.Timeout is null
            && settings.MaxItems is null && settings.Extract is null ? SourceSettings.None : settings.WithUnsetVariables(unset);
    }

    private static Dictionary<string, string> StringMap(JsonElement entry, string field, string where, Func<string, string?> environment, Dictionary<string, string>? unset)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!entry.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FeedCatalogException($"{where}: field \"{field}\" must be an object of names and string values.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || !IsToken(property.Name))
            {
                throw new FeedCatalogException($"{where}: field \"{field}.{property.Name}\" must be a name without spaces or separators, with a string value.");
            }

            if (field == "headers" && property.Name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                throw new FeedCatalogException($"{where}: field \"headers.Host\" cannot be set; the URL decides the host.");
            }

            var missing = new List<string>();
            var value = EnvironmentReference().Replace(property.Value.GetString()!, m => environment(m.Groups[1].Value)
                ?? (unset is not null ? Missing(missing, m.Value)
                    : throw new FeedCatalogException($"{where}: field \"{field}.{property.Name}\" uses the environment variable {m.Groups[1].Value}, which is not set.")));
            if (missing.Count > 0)
            {
                unset![$"{field}.{property.Name}"] = string.Join(" ", missing);
            }

            if (value.Any(char.IsControl))
            {
                throw new FeedCatalogException($"{where}: field \"{field}.{property.Name}\" must not contain line breaks or control characters.");
            }

            map[property.Name] = value;
        }

        return map;
    }

    private static TimeSpan? Timeout(JsonElement entry, string where)
    {
        if (OptionalString(entry, "timeout", where) is not { } text)
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) || timeout <= TimeSpan.Zero || timeout > MaxTimeout)
        {
            throw new FeedCatalogException($"{where}: field \"timeout\" must be a duration between 00:00:01 and {MaxTimeout}, such as \"00:00:30\", not \"{text}\".");
        }

        return timeout;
    }

    private static int? MaxItems(JsonElement entry, string where)
    {
        if (!entry.TryGetProperty("maxItems", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var max) && max >= 1
            ? max
            : throw new FeedCatalogException($"{where}: field \"maxItems\" must be a whole number of at least 1.");
    }

    private static ExtractRule? Extract(JsonElement entry, string where)
    {
        if (!entry.TryGetProperty("extract", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FeedCatalogException($"{where}: field \"extract\" must be an object: {{ \"body\": \"CSS selector\", \"remove\": [\"selectors\"] }}.");
        }

        KnownFields.Check(element, where, "extract.", "body", "remove");

        var body = element.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        if (!CssSelectors.IsValid(body))
        {
            throw new FeedCatalogException($"{where}: field \"extract.body\" must be a CSS selector, not \"{body}\".");
        }

        var remove = new List<string>();
        if (element.TryGetProperty("remove", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Array)
            {
                throw new FeedCatalogException($"{where}: field \"extract.remove\" must be an array of CSS selectors.");
            }

            var i = 0;
            foreach (var item in r.EnumerateArray())
            {
                var selector = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (!CssSelectors.IsValid(selector))
                {
                    throw new FeedCatalogException($"{where}: field \"extract.remove[{i}]\" must be a CSS selector, not \"{selector}\".");
                }

                remove.Add(selector!);
                i++;
            }
        }

        return new ExtractRule(body!.Trim(), remove);
    }

    private static string? OptionalString(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()) || value.GetString()!.Any(char.IsControl))
        {
            throw new FeedCatalogException($"{where}: field \"{name}\" must be a non-empty string on one line.");
        }

        return value.GetString()!.Trim();
    }

    private static string Missing(List<string> missing, string reference)
    {
        missing.Add(reference);
        return reference;
    }

    private static bool IsToken(string name) => name.Length > 0 && name.All(c => c > ' ' && c < 127 && !"()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal));

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex EnvironmentReference();
}
