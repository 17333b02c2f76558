using System.Text.Json;
using AngleSharp.Html.Parser;

namespace NewsDesk.Evaluation.Summaries;

/// <summary>
/// GOV.UK content items (JSON): the <c>description</c> is the standfirst, <c>details.body</c> the article HTML.
/// English items only, and each body once (the examples repeat one article in several states).
/// </summary>
internal static class GovukContentItems
{
    public static IEnumerable<(string Title, string Body, string Standfirst)> Read(string directory)
    {
        var parser = new HtmlParser();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            if (Get(root, "locale") is not ("en" or "") ||
                !root.TryGetProperty("details", out var details) ||
                !details.TryGetProperty("body", out var bodyElement) || bodyElement.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var standfirst = Standfirst.Usable(Get(root, "description"));
            var html = bodyElement.GetString() ?? "";
            if (standfirst is null || !seen.Add(html))
            {
                continue;
            }

            // Paragraph-level blocks joined by blank lines, the body convention the extractor produces.
            using var document = parser.ParseDocument(html);
            var blocks = document.QuerySelectorAll("p, li, h2, h3, blockquote")
                .Where(e => e.QuerySelector("p, li") is null)
                .Select(e => e.TextContent.Trim())
                .Where(t => t.Length > 0);
            yield return (Get(root, "title"), string.Join("\n\n", blocks), standfirst);
        }
    }

    private static string Get(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
