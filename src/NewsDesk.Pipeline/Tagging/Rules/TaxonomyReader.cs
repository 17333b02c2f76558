using System.Text.Json;

namespace NewsDesk.Tagging.Rules;

/// <summary>Reads and checks a taxonomy file; every problem names the file, the theme and the field.</summary>
internal static class TaxonomyReader
{
    public sealed record Content(
        FieldWeights FieldWeights,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Vocabularies,
        IReadOnlyList<string> CountNouns,
        IReadOnlyList<ThemeRule> Themes,
        string? GazetteerPath);

    public static Content Read(Stream stream, string file)
    {
        using var document = JsonFile.Parse(stream, file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonFile.Error(file, "top level", "(root)", "must be a JSON object");
        }

        var weights = ReadFieldWeights(JsonFile.Optional(root, "fieldWeights"), file);
        var vocabularies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (JsonFile.Optional(root, "vocabularies") is { } vocabElement)
        {
            if (vocabElement.ValueKind != JsonValueKind.Object)
            {
                throw JsonFile.Error(file, "top level", "vocabularies", "must be an object of name: [terms]");
            }

            foreach (var property in vocabElement.EnumerateObject())
            {
                vocabularies[property.Name] = JsonFile.Strings(property.Value, file, $"vocabulary '{property.Name}'", "terms");
            }
        }

        var countNouns = JsonFile.Strings(JsonFile.Optional(root, "countNouns"), file, "top level", "countNouns");
        var themesElement = JsonFile.Optional(root, "themes");
        if (themesElement is not { ValueKind: JsonValueKind.Array } || themesElement.Value.GetArrayLength() == 0)
        {
            throw JsonFile.Error(file, "top level", "themes", "must be a non-empty array of themes");
        }

        var themes = new List<ThemeRule>();
        var index = 0;
        foreach (var element in themesElement.Value.EnumerateArray())
        {
            var theme = ThemeRuleReader.Read(element, file, index++, vocabularies);
            if (themes.Any(t => t.Name == theme.Name))
            {
                throw JsonFile.Error(file, $"theme '{theme.Name}'", "name", "is defined twice");
            }

            foreach (var suppression in theme.SuppressedBy)
            {
                if (!themes.Any(t => t.Name == suppression.Theme))
                {
                    throw JsonFile.Error(file, $"theme '{theme.Name}'", "suppressedBy",
                        $"'{suppression.Theme}' must be a theme defined earlier in the file (themes are decided in file order)");
                }
            }

            themes.Add(theme);
        }

        string? gazetteer = null;
        if (JsonFile.Optional(root, "gazetteer") is { } gazetteerElement)
        {
            gazetteer = gazetteerElement.ValueKind == JsonValueKind.String
                ? gazetteerElement.GetString()
                : throw JsonFile.Error(file, "top level", "gazetteer", "must be a file path relative to the taxonomy");
        }

        return new Content(weights, vocabularies, countNouns, themes, gazetteer);
    }

    private static FieldWeights ReadFieldWeights(JsonElement? element, string file)
    {
        if (element is null)
        {
            return new FieldWeights(1.5, 1.0, 0.4);
        }

        double Get(string name, double fallback) =>
            JsonFile.Optional(element.Value, name) is { } value ? JsonFile.Number(value, file, "top level", $"fieldWeights.{name}") : fallback;

        return new FieldWeights(Get("title", 1.5), Get("lede", 1.0), Get("body", 0.4));
    }
}
