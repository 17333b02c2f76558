using System.Text.Json;

namespace NewsDesk.Tagging.Rules;

/// <summary>Reads a taxonomy-style JSON file and turns every shape problem into a <see cref="TaxonomyException"/> naming the file, item and field.</summary>
internal static class JsonFile
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument Parse(Stream stream, string file)
    {
        try
        {
            return JsonDocument.Parse(stream, Options);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new TaxonomyException($"{file}: JSON syntax error at line {line}, position {column}: {ex.Message}", ex);
        }
    }

    public static TaxonomyException Error(string file, string item, string field, string problem) =>
        new($"{file}: {item}, field '{field}': {problem}");

    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string RequiredString(JsonElement obj, string name, string file, string item)
    {
        var value = Optional(obj, name) ?? throw Error(file, item, name, "is missing");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Error(file, item, name, "must be a non-empty string");
        }

        return value.GetString()!;
    }

    public static double Number(JsonElement value, string file, string item, string field)
    {
        if (value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
        {
            throw Error(file, item, field, $"must be a number, found {value.ValueKind.ToString().ToLowerInvariant()}");
        }

        return value.GetDouble();
    }

    public static int Integer(JsonElement value, string file, string item, string field)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var result) || result < 0)
        {
            throw Error(file, item, field, "must be a whole number of zero or more");
        }

        return result;
    }

    public static List<string> Strings(JsonElement? value, string file, string item, string field)
    {
        var result = new List<string>();
        if (value is null)
        {
            return result;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw Error(file, item, field, "must be an array of strings");
        }

        foreach (var element in value.Value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()) || element.GetString() == "*")
            {
                throw Error(file, item, field, "must hold only non-empty strings");
            }

            result.Add(element.GetString()!);
        }

        return result;
    }

    /// <summary>An object of name → number, e.g. term weights.</summary>
    public static List<(string Name, double Weight)> Weights(JsonElement? value, string file, string item, string field)
    {
        var result = new List<(string, double)>();
        if (value is null)
        {
            return result;
        }

        if (value.Value.ValueKind != JsonValueKind.Object)
        {
            throw Error(file, item, field, "must be an object of \"term\": weight");
        }

        foreach (var property in value.Value.EnumerateObject())
        {
            if (string.IsNullOrWhiteSpace(property.Name) || property.Name == "*")
            {
                throw Error(file, item, field, "has an empty term");
            }

            result.Add((property.Name, Number(property.Value, file, item, $"{field}.{property.Name}")));
        }

        return result;
    }
}
