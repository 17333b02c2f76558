using System.Globalization;
using System.Text.Json;

namespace NewsDesk.Stories;

/// <summary>
/// The <c>cluster</c> command's work: JSON lines in (<c>id</c>, <c>title</c>, <c>text</c> or <c>lede</c>, optional
/// <c>date</c>), JSON lines out (<c>id</c>, <c>story</c>) in input order. Parties come from
/// <see cref="StoryEntities"/>, the tagger's entity scan over headline and lede, as in the worker.
/// </summary>
public static class ClusterRunner
{
    public static void Run(TextReader input, TextWriter output, StoryMatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var items = Read(input);
        var stories = Group(items, new StoryGrouper(new StoryMatcher(options)));
        foreach (var item in items)
        {
            output.WriteLine(JsonSerializer.Serialize(new { id = item.Id, story = stories[item.Id] }));
        }
    }

    /// <summary>
    /// Groups in date order (undated last, otherwise input order) so each story is named after its first report, with
    /// the <see cref="StoryGrouper"/> the pipeline runs, over candidates held in memory.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Group(IEnumerable<StoryItem> items, StoryGrouper grouper)
    {
        ArgumentNullException.ThrowIfNull(grouper);
        var candidates = new InMemoryStoryCandidates();
        foreach (var item in items.OrderBy(i => i.Date is null).ThenBy(i => i.Date ?? DateTimeOffset.MaxValue))
        {
            candidates.Add(item, grouper.Assign(item, candidates));
        }

        return candidates.Stories;
    }

    public static List<StoryItem> Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var items = new List<StoryItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var item = ToItem(json.RootElement);
                if (!ids.Add(item.Id))
                {
                    throw new FormatException($"duplicate id '{item.Id}'");
                }

                items.Add(item);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"cluster: line {lineNumber}: {e.Message}", e);
            }
        }

        return items;
    }

    public static StoryItem ToItem(JsonElement item)
    {
        var id = item.GetProperty("id").GetString() ?? throw new FormatException("'id' is null");
        var title = String(item, "title");
        var text = String(item, "text");
        if (text.Length == 0)
        {
            text = String(item, "lede");
        }

        return new StoryItem(id, title, text, ParseDate(String(item, "date")), StoryEntities.Find(title, text));
    }

    /// <summary>
    /// A full date or timestamp. "2024-05" or "2024" is too coarse for a days-wide window, so it reads as no
    /// date (which never vetoes a match) rather than as the first of the month.
    /// </summary>
    public static DateTimeOffset? ParseDate(string value)
    {
        if (value.Length < 10)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new FormatException($"'date' is not a date: '{value}'");
    }

    private static string String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
