using System.Globalization;
using System.Text.Json;
using NewsDesk.Parsing.Dates;

namespace NewsDesk.Evaluation.Feeds;

/// <summary>Runs dates.jsonl through FeedDateParser: an instant must match to the second, a rejected string must give null.</summary>
internal static class DateConformance
{
    public static (int Correct, int Total, IReadOnlyList<string> Failures) Run(string dataDir)
    {
        var failures = new List<string>();
        var total = 0;
        foreach (var line in File.ReadLines(Path.Combine(dataDir, "dates.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var doc = JsonDocument.Parse(line);
            var row = doc.RootElement;
            var input = row.GetProperty("input").GetString() ?? string.Empty;
            var expected = row.TryGetProperty("expected_utc", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var mustParse = row.TryGetProperty("parses", out var p) && p.ValueKind == JsonValueKind.True;
            var actual = FeedDateParser.Parse(input);
            total++;
            var ok = expected is not null
                ? actual is not null && actual.Value.UtcDateTime == DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
                : mustParse ? actual is not null : actual is null;
            if (!ok)
            {
                failures.Add($"date {JsonSerializer.Serialize(input)}: expected {expected ?? (mustParse ? "any instant" : "null")} got {ValueComparer.Describe(actual)}");
            }
        }

        return (total - failures.Count, total, failures);
    }
}
