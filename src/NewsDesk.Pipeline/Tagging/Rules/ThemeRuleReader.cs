using System.Text.Json;

namespace NewsDesk.Tagging.Rules;

/// <summary>Reads one theme object of a taxonomy file.</summary>
internal static class ThemeRuleReader
{
    private static readonly HashSet<string> KnownFields =
    [
        "name", "description", "threshold", "terms", "vocabularies", "requires", "excludes", "excludesUnless",
        "parties", "partySignal", "countSignal", "requiresBloc", "suppressedBy",
    ];

    public static ThemeRule Read(JsonElement element, string file, int index, IReadOnlyDictionary<string, IReadOnlyList<string>> vocabularies)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw JsonFile.Error(file, $"theme #{index + 1}", "(theme)", "must be a JSON object");
        }

        var name = JsonFile.RequiredString(element, "name", file, $"theme #{index + 1}");
        var item = $"theme '{name}'";
        var unknown = element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !KnownFields.Contains(n));
        if (unknown is not null)
        {
            throw JsonFile.Error(file, item, unknown, "is not a known theme field (misspelt?)");
        }

        var threshold = JsonFile.Number(JsonFile.Optional(element, "threshold") ?? throw JsonFile.Error(file, item, "threshold", "is missing"), file, item, "threshold");
        if (threshold <= 0)
        {
            throw JsonFile.Error(file, item, "threshold", "must be greater than zero");
        }

        string Vocabulary(string vocabulary, string field) =>
            vocabularies.ContainsKey(vocabulary) ? vocabulary : throw JsonFile.Error(file, item, field, $"refers to vocabulary '{vocabulary}', which is not defined");

        var terms = JsonFile.Weights(JsonFile.Optional(element, "terms"), file, item, "terms");
        var vocabWeights = JsonFile.Weights(JsonFile.Optional(element, "vocabularies"), file, item, "vocabularies")
            .Select(v => (Vocabulary(v.Name, "vocabularies"), v.Weight)).ToList();
        var excludesUnless = JsonFile.Optional(element, "excludesUnless") is { } eu
            ? ReadPairs(eu, file, item).Select(p => (Vocabulary(p.Key, "excludesUnless"), Vocabulary(p.Value, "excludesUnless"))).ToList()
            : [];
        var rule = new ThemeRule
        {
            Name = name,
            Description = JsonFile.Optional(element, "description")?.GetString() ?? "",
            Threshold = threshold,
            Terms = terms,
            Vocabularies = vocabWeights,
            Requires = [.. JsonFile.Strings(JsonFile.Optional(element, "requires"), file, item, "requires").Select(v => Vocabulary(v, "requires"))],
            Excludes = [.. JsonFile.Strings(JsonFile.Optional(element, "excludes"), file, item, "excludes").Select(v => Vocabulary(v, "excludes"))],
            ExcludesUnless = excludesUnless,
            Parties = ReadRange(JsonFile.Optional(element, "parties"), file, item),
            PartySignal = ReadSignal(JsonFile.Optional(element, "partySignal"), file, item, "partySignal"),
            CountSignal = ReadSignal(JsonFile.Optional(element, "countSignal"), file, item, "countSignal"),
            RequiresBloc = JsonFile.Optional(element, "requiresBloc") is { } rb && (rb.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? rb.GetBoolean()
                : throw JsonFile.Error(file, item, "requiresBloc", "must be true or false")),
            SuppressedBy = ReadSuppressions(JsonFile.Optional(element, "suppressedBy"), file, item),
        };

        if (rule.Terms.All(t => t.Weight <= 0) && rule.Vocabularies.All(v => v.Weight <= 0) && rule.PartySignal is null && rule.CountSignal is null)
        {
            throw JsonFile.Error(file, item, "terms", "the theme has no positive signal (terms, vocabularies, partySignal or countSignal), so it can never be assigned");
        }

        return rule;
    }

    private static Dictionary<string, string> ReadPairs(JsonElement element, string file, string item)
    {
        if (element.ValueKind != JsonValueKind.Object || element.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            throw JsonFile.Error(file, item, "excludesUnless", "must be an object of \"vetoing vocabulary\": \"rescuing vocabulary\"");
        }

        return element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static (int Min, int Max)? ReadRange(JsonElement? element, string file, string item)
    {
        if (element is null)
        {
            return null;
        }

        var min = JsonFile.Optional(element.Value, "min") is { } a ? JsonFile.Integer(a, file, item, "parties.min") : 0;
        var max = JsonFile.Optional(element.Value, "max") is { } b ? JsonFile.Integer(b, file, item, "parties.max") : int.MaxValue;
        return min > max ? throw JsonFile.Error(file, item, "parties", "min is greater than max") : (min, max);
    }

    private static (int Min, double Weight)? ReadSignal(JsonElement? element, string file, string item, string field)
    {
        if (element is null)
        {
            return null;
        }

        var min = JsonFile.Integer(JsonFile.Optional(element.Value, "min") ?? throw JsonFile.Error(file, item, $"{field}.min", "is missing"), file, item, $"{field}.min");
        var weight = JsonFile.Number(JsonFile.Optional(element.Value, "weight") ?? throw JsonFile.Error(file, item, $"{field}.weight", "is missing"), file, item, $"{field}.weight");
        return (min, weight);
    }

    private static List<Suppression> ReadSuppressions(JsonElement? element, string file, string item)
    {
        var result = new List<Suppression>();
        if (element is null)
        {
            return result;
        }

        if (element.Value.ValueKind != JsonValueKind.Array)
        {
            throw JsonFile.Error(file, item, "suppressedBy", "must be an array of theme names or {\"theme\", \"unlessNonMembers\"} objects");
        }

        foreach (var entry in element.Value.EnumerateArray())
        {
            result.Add(entry.ValueKind switch
            {
                JsonValueKind.String => new Suppression(entry.GetString()!, null),
                JsonValueKind.Object => new Suppression(
                    JsonFile.RequiredString(entry, "theme", file, item),
                    JsonFile.Optional(entry, "unlessNonMembers") is { } n ? JsonFile.Integer(n, file, item, "suppressedBy.unlessNonMembers") : null),
                _ => throw JsonFile.Error(file, item, "suppressedBy", "entries must be theme names or objects"),
            });
        }

        return result;
    }
}
