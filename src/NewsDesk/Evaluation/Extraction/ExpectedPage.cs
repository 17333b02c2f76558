using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDesk.Evaluation.Extraction;

/// <summary>One line of expected.jsonl in the extraction-dev set.</summary>
public sealed record ExpectedPage
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [JsonPropertyName("id")]
    public required string Id { get; init; }
    [JsonPropertyName("url")]
    public string? Url { get; init; }
    [JsonPropertyName("title")]
    public string? Title { get; init; }
    [JsonPropertyName("body")]
    public string Body { get; init; } = "";

    /// <summary>Reads a JSON-lines file; a malformed line fails with the file and line number.</summary>
    public static IReadOnlyList<ExpectedPage> Load(string path)
    {
        var pages = new List<ExpectedPage>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                pages.Add(JsonSerializer.Deserialize<ExpectedPage>(line, JsonOptions)
                    ?? throw new InvalidDataException($"{path}:{lineNumber}: empty JSON value"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {e.Message}", e);
            }
        }

        return pages;
    }
}
