using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDesk.Digests;

/// <summary>The digest as JSON (camelCase), for tools and the read API.</summary>
public static class JsonDigestRenderer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Render(Digest digest) => JsonSerializer.Serialize(digest, Options);
}
