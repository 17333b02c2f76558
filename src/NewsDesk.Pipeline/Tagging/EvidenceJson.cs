using System.Text.Json;

namespace NewsDesk.Tagging;

/// <summary>
/// The one JSON shape of a tag list with its evidence, written by `export` (the evidence column, docs/export-schema.md)
/// and `tag`: per theme its score and every match, [{ "theme", "score", "matches": [{ "phrase", "field", "offset",
/// "sentence" }] }]. Exports.DocumentCsvCells writes the same bytes without this detour (tested).
/// </summary>
public static class EvidenceJson
{
    public static JsonElement Of(IEnumerable<ThemeTag> tags) =>
        JsonSerializer.SerializeToElement(tags.Select(t => new
        {
            theme = t.Theme,
            score = Math.Round(t.Score, 4),
            matches = t.Evidence.Select(e => new { phrase = e.Phrase, field = e.Field, offset = e.Offset, sentence = e.Sentence }),
        }));
}
