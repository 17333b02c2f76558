using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsDesk.Feeds;

/// <summary>
/// Adds feeds to feeds.json by splicing new entries in after the last one. The rest of the file (other entries,
/// property order, comments, indentation, line endings) is left byte for byte as the operator wrote it; rewriting
/// it through a JSON serialiser would drop comments and reflow every line. The result is validated as a whole before
/// it replaces the file, and the replacement is atomic (write a sibling, then move).
/// </summary>
public static class FeedListFile
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <returns>The feed list as it now stands.</returns>
    public static IReadOnlyList<FeedDefinition> Append(string path, IReadOnlyList<FeedDefinition> added, Func<string, bool>? isValidCron = null)
    {
        var original = File.Exists(path) ? File.ReadAllBytes(path) : "{\n  \"feeds\": [\n  ]\n}\n"u8.ToArray();
        var updated = added.Count == 0 ? original : Splice(original, added, path);

        // Validate the whole file as it would be written: a new entry must never make the worker refuse to start.
        using (var document = JsonDocument.Parse(updated, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }))
        {
            var feeds = FeedCatalog.Parse(document.RootElement, path, isValidCron);
            if (added.Count > 0)
            {
                // On disk before the rename, so a power cut leaves the old list or the new one, never an empty file.
                var temp = path + ".tmp";
                using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    file.Write(updated);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temp, path, overwrite: true);
            }

            return feeds;
        }
    }

    private static byte[] Splice(byte[] json, IReadOnlyList<FeedDefinition> added, string path)
    {
        var (arrayStart, lastElementEnd, firstElementStart) = Locate(json, path);
        var text = Encoding.UTF8.GetString(json);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var arrayIndent = LineIndent(json, arrayStart);
        var indent = firstElementStart is { } first ? LineIndent(json, first) : arrayIndent + "  ";
        var entries = string.Join("," + newline + indent, added.Select(f => Render(f, indent, newline)));

        int at;
        string insert;
        if (lastElementEnd is { } end)
        {
            at = end;
            insert = "," + newline + indent + entries;
        }
        else
        {
            // Empty array: the new entries go on their own lines and the closing bracket gets its indentation back.
            at = arrayStart + 1;
            var close = Array.IndexOf(json, (byte)']', at);
            json = [.. json.AsSpan(0, at), .. json.AsSpan(close)];
            insert = newline + indent + entries + newline + arrayIndent;
        }

        return [.. json.AsSpan(0, at), .. Encoding.UTF8.GetBytes(insert), .. json.AsSpan(at)];
    }

    /// <returns>Byte offsets of the "feeds" array's '[', of the end of its last element, and of its first element.</returns>
    private static (int ArrayStart, int? LastElementEnd, int? FirstElementStart) Locate(byte[] json, string path)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        int? arrayStart = null, lastEnd = null, firstStart = null;
        try
        {
            while (reader.Read())
            {
                if (arrayStart is null)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("feeds"))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            arrayStart = (int)reader.TokenStartIndex;
                        }
                    }

                    continue;
                }

                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 1)
                {
                    return (arrayStart.Value, lastEnd, firstStart);
                }

                if (reader.CurrentDepth == 2 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    firstStart ??= (int)reader.TokenStartIndex;
                }

                if (reader.CurrentDepth == 2)
                {
                    lastEnd = reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray
                        ? (int)reader.TokenStartIndex + 1
                        : reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? lastEnd : (int)reader.BytesConsumed;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FeedCatalogException($"{path}: not valid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}", ex);
        }

        throw new FeedCatalogException($"{path}: expected an object with a \"feeds\" array.");
    }

    private static string LineIndent(byte[] json, int offset)
    {
        var lineStart = Array.LastIndexOf(json, (byte)'\n', Math.Max(0, offset - 1)) + 1;
        var end = lineStart;
        while (end < offset && json[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }

        return Encoding.UTF8.GetString(json, lineStart, end - lineStart);
    }

    /// <summary>One entry, in the layout of the shipped feeds.json.</summary>
    private static string Render(FeedDefinition feed, string indent, string newline)
    {
        var inner = indent + "  ";
        var lines = new List<string>
        {
            $"\"id\": {Quote(feed.Id)}",
            $"\"title\": {Quote(feed.Title)}",
            $"\"url\": {Quote(feed.Url.AbsoluteUri)}",
            $"\"kind\": {Quote(feed.Kind.ToString().ToLowerInvariant())}",
            feed.Schedule.Cron is { } cron
                ? $"\"schedule\": {{ \"cron\": {Quote(cron)} }}"
                : $"\"schedule\": {{ \"interval\": {Quote(feed.Schedule.Interval!.Value.ToString("c", CultureInfo.InvariantCulture))} }}",
        };
        if (feed.Category is not null)
        {
            lines.Add($"\"category\": {Quote(feed.Category)}");
        }

        if (feed.SiteUrl is not null)
        {
            lines.Add($"\"siteUrl\": {Quote(feed.SiteUrl.AbsoluteUri)}");
        }

        lines.Add($"\"enabled\": {(feed.Enabled ? "true" : "false")}");
        return "{" + newline + inner + string.Join("," + newline + inner, lines) + newline + indent + "}";
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, StringOptions);
}
