namespace NewsDesk.Parsing.Charsets;

/// <summary>Encoding names as feeds and HTTP write them: lower case, with the byte order spelled out.</summary>
internal static class EncodingNames
{
    public static string Name(this string webName) => webName.ToLowerInvariant() switch
    {
        "utf-16" => "utf-16le",
        "utf-32" => "utf-32le",
        var name => name,
    };
}
