using System.Text.Json;

namespace NewsDesk.Extraction.Metadata;

/// <summary>
/// Reads the article object from JSON-LD blocks: follows arrays and @graph, resolves @id references
/// (Yoast-style graphs put the author in a separate Person node) and tolerates broken blocks, which
/// are common, by skipping them.
/// </summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static JsonLdArticle Read(IEnumerable<string> blocks)
    {
        var nodes = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var block in blocks)
            {
                var json = block.Trim();
                if (json.StartsWith("<![CDATA[", StringComparison.Ordinal))
                {
                    json = json[9..].Replace("]]>", "", StringComparison.Ordinal);
                }

                try
                {
                    var document = JsonDocument.Parse(json, Options);
                    documents.Add(document);
                    Collect(document.RootElement, nodes);
                }
                catch (JsonException)
                {
                    // A malformed block says nothing reliable; the other blocks and the meta tags still count.
                }
            }

            return FromNodes(nodes);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static void Collect(JsonElement element, List<JsonElement> nodes)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, nodes);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            nodes.Add(element);
            if (element.TryGetProperty("@graph", out var graph))
            {
                Collect(graph, nodes);
            }
        }
    }

    private static JsonLdArticle FromNodes(List<JsonElement> nodes)
    {
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                byId.TryAdd(id.GetString()!, node);
            }
        }

        var article = nodes.FirstOrDefault(n => IsType(n, IsArticleType));
        var site = nodes.FirstOrDefault(n => IsType(n, t => t == "WebSite"));
        var webSiteName = site.ValueKind == JsonValueKind.Object ? Name(site, byId) : null;
        if (article.ValueKind != JsonValueKind.Object)
        {
            return new JsonLdArticle { WebSiteName = webSiteName };
        }

        return new JsonLdArticle
        {
            IsArticle = true,
            Headline = Text(article, "headline") ?? Text(article, "name"),
            Author = Names(article, "author", byId),
            DatePublished = Text(article, "datePublished") ?? Text(article, "dateCreated"),
            DateModified = Text(article, "dateModified"),
            Image = Url(article, "image", byId) ?? Url(article, "thumbnailUrl", byId),
            Publisher = article.TryGetProperty("publisher", out var publisher) ? Name(Resolve(publisher, byId), byId) : null,
            Body = Text(article, "articleBody"),
            Description = Text(article, "description"),
            Language = Text(article, "inLanguage"),
            Url = Text(article, "url"),
            WebSiteName = webSiteName,
            IsAccessibleForFreeFalse = article.TryGetProperty("isAccessibleForFree", out var free)
                && (free.ValueKind == JsonValueKind.False || (free.ValueKind == JsonValueKind.String && string.Equals(free.GetString(), "false", StringComparison.OrdinalIgnoreCase))),
        };
    }

    private static bool IsArticleType(string type) =>
        type.EndsWith("Article", StringComparison.Ordinal) || type is "BlogPosting" or "LiveBlogPosting" or "Report" or "SocialMediaPosting" or "AnalysisNewsArticle";

    private static bool IsType(JsonElement node, Func<string, bool> predicate)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return predicate(type.GetString()!);
        }

        return type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && predicate(t.GetString()!));
    }

    private static JsonElement Resolve(JsonElement value, Dictionary<string, JsonElement> byId)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String
            && !value.TryGetProperty("name", out _) && byId.TryGetValue(id.GetString()!, out var target))
        {
            return target;
        }

        return value;
    }

    private static string? Text(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.EnumerateArray().FirstOrDefault();
        }

        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
    }

    private static string? Name(JsonElement value, Dictionary<string, JsonElement> byId)
    {
        value = Resolve(value, byId);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "name"),
            JsonValueKind.Array => value.EnumerateArray().Select(v => Name(v, byId)).FirstOrDefault(n => n is not null),
            _ => null,
        };
    }

    private static string? Names(JsonElement node, string property, Dictionary<string, JsonElement> byId)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var names = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => Name(v, byId)).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().ToList()
            : [Name(value, byId)];
        var joined = string.Join(", ", names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        return joined.Length == 0 ? null : joined;
    }

    private static string? Url(JsonElement node, string property, Dictionary<string, JsonElement> byId)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        value = Resolve(value, byId);
        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.EnumerateArray().FirstOrDefault();
            value = Resolve(value, byId);
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "url") ?? Text(value, "contentUrl"),
            _ => null,
        };
    }
}
