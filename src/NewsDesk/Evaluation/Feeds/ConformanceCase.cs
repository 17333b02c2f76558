using System.Text.Json;

namespace NewsDesk.Evaluation.Feeds;

/// <summary>One row of cases.jsonl: a feed file and what a correct parser returns for it.</summary>
internal sealed record ConformanceCase(
    string Id,
    string File,
    string Category,
    string Semantics,
    IReadOnlyDictionary<string, JsonElement> Expect,
    string? ContentType,
    Uri? BaseUrl)
{
    public static IEnumerable<ConformanceCase> Load(string path)
    {
        foreach (var line in System.IO.File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var expect = root.GetProperty("expect").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            string? contentType = null;
            Uri? baseUrl = null;
            if (root.TryGetProperty("http", out var http) && http.ValueKind == JsonValueKind.Object)
            {
                (contentType, baseUrl) = FromHttp(http);
            }

            if (baseUrl is null && root.TryGetProperty("base_url", out var b) && b.ValueKind == JsonValueKind.String)
            {
                Uri.TryCreate(b.GetString(), UriKind.Absolute, out baseUrl);
            }

            yield return new ConformanceCase(
                root.GetProperty("id").GetString()!, root.GetProperty("file").GetString()!,
                root.GetProperty("category").GetString()!, root.GetProperty("semantics").GetString() ?? string.Empty, expect, contentType, baseUrl);
        }
    }

    /// <summary>
    /// Serves the case's HTTP semantics without a server: the Content-Type goes to the parser, and the
    /// base URL is Content-Location resolved against the request URL, unless that yields a non-HTTP URL.
    /// </summary>
    private static (string? ContentType, Uri? BaseUrl) FromHttp(JsonElement http)
    {
        Uri.TryCreate(http.TryGetProperty("url", out var u) ? u.GetString() : null, UriKind.Absolute, out var url);
        string? contentType = null;
        string? location = null;
        if (http.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = header.Value.GetString();
                }
                else if (header.Name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase))
                {
                    location = header.Value.GetString();
                }
            }
        }

        if (url is not null && location is not null && Uri.TryCreate(url, location, out var resolved)
            && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps))
        {
            return (contentType, resolved);
        }

        return (contentType, url);
    }
}
