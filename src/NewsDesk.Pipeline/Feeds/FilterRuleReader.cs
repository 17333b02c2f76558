using System.Text.Json;
using System.Text.RegularExpressions;
using NewsDesk.Filtering;

namespace NewsDesk.Feeds;

/// <summary>Reads "keep" and "drop" arrays (top level of feeds.json for all sources, or one entry's); errors name the rule's place.</summary>
internal static class FilterRuleReader
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static List<FilterRule> Read(JsonElement parent, string where)
    {
        var rules = new List<FilterRule>();
        foreach (var (name, keep) in new[] { ("keep", true), ("drop", false) })
        {
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new FeedCatalogException($"{where}: field \"{name}\" must be an array of rules such as {{ \"phrase\": \"tender\" }}.");
            }

            var i = 0;
            foreach (var rule in array.EnumerateArray())
            {
                if (rule.ValueKind == JsonValueKind.Object)
                {
                    KnownFields.Check(rule, where, $"{name}[{i}].", "phrase", "regex", "theme", "language", "in");
                }

                rules.Add(ReadRule(rule, keep, $"{name}[{i++}]", where));
            }
        }

        return rules;
    }

    private static FilterRule ReadRule(JsonElement rule, bool keep, string field, string where)
    {
        var kinds = new[] { "phrase", "regex", "theme", "language" }.Where(k => rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty(k, out _)).ToList();
        if (kinds.Count != 1)
        {
            throw new FeedCatalogException($"{where}: field \"{field}\" must be an object with exactly one of \"phrase\", \"regex\", \"theme\" or \"language\".");
        }

        var kind = kinds[0];
        var value = rule.GetProperty(kind);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new FeedCatalogException($"{where}: field \"{field}.{kind}\" must be a non-empty string.");
        }

        var text = value.GetString()!.Trim();
        return kind switch
        {
            "theme" => new FilterRule { Keep = keep, Theme = text },
            "language" => new FilterRule { Keep = keep, Language = text },
            _ => new FilterRule { Keep = keep, Pattern = Pattern(kind, text, field, where), Source = kind == "phrase" ? $"phrase \"{text}\"" : $"regex /{text}/", Fields = Fields(rule, field, where) },
        };
    }

    private static Regex Pattern(string kind, string text, string field, string where)
    {
        // A phrase matches whole words in any case; a regex is taken as written (add (?i) for any case).
        var pattern = kind == "phrase" ? $@"(?<!\w){Regex.Escape(text)}(?!\w)" : text;
        try
        {
            return new Regex(pattern, (kind == "phrase" ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new FeedCatalogException($"{where}: field \"{field}.regex\" is not a valid regular expression: {ex.Message}");
        }
    }

    private static FilterField Fields(JsonElement rule, string field, string where)
    {
        if (!rule.TryGetProperty("in", out var fields) || fields.ValueKind == JsonValueKind.Null)
        {
            return FilterField.Title | FilterField.Text;
        }

        var result = (FilterField)0;
        foreach (var item in fields.ValueKind == JsonValueKind.Array ? fields.EnumerateArray() : throw Bad())
        {
            result |= item.GetString() switch
            {
                "title" => FilterField.Title,
                "text" => FilterField.Text,
                "link" => FilterField.Link,
                _ => throw Bad(),
            };
        }

        return result == 0 ? throw Bad() : result;

        FeedCatalogException Bad() => new($"{where}: field \"{field}.in\" must be an array of \"title\", \"text\" and \"link\".");
    }
}
