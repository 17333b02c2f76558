using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsDesk.Tagging;

/// <summary>
/// The `tag` command's work: JSONL in (id, title, lede or text), JSONL out (id, themes, evidence per theme, parties,
/// countries, organisations), through the same <see cref="ThemeTagger"/> the pipeline uses.
/// </summary>
public static class TagFileRunner
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Tags every line; returns the number of items written. A malformed line throws <see cref="FormatException"/> naming its line number.</summary>
    public static int Run(ThemeTagger tagger, TextReader input, TextWriter output, string inputName)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var count = 0;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (id, tagInput) = ReadLine(line, inputName, lineNumber);
            var result = tagger.Tag(tagInput);
            output.WriteLine(ToJson(id, result).ToJsonString(Compact));
            count++;
        }

        return count;
    }

    public static (string Id, TagInput Input) ReadLine(string line, string inputName, int lineNumber)
    {
        JsonObject item;
        try
        {
            item = JsonNode.Parse(line) as JsonObject ?? throw new FormatException($"{inputName}:{lineNumber}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{inputName}:{lineNumber}: invalid JSON: {ex.Message}", ex);
        }

        string? Text(string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        var id = Text("id") ?? throw new FormatException($"{inputName}:{lineNumber}: missing \"id\"");
        return (id, TagInputs.From(Text("title") ?? "", Text("lede"), Text("text") ?? Text("body")));
    }

    public static JsonObject ToJson(string id, TaggingResult result)
    {
        static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        return new JsonObject
        {
            ["id"] = id,
            ["themes"] = Strings(result.Tags.Select(t => t.Theme)),
            ["evidence"] = JsonArray.Create(EvidenceJson.Of(result.Tags)),
            ["parties"] = Strings(result.Parties),
            ["countries"] = Strings(result.Countries),
            ["organisations"] = Strings(result.Organisations),
        };
    }
}
