using System.Security.Cryptography;
using System.Text.Json;

namespace NewsDesk.Tagging;

/// <summary>
/// The version stamped on every article a taxonomy tags (<see cref="Storage.Article.TaxonomyVersion"/>), so a store
/// says which articles an edit of the themes has not reached yet. An operator may name it with a string "version" at the
/// top of the file; otherwise it is derived from the taxonomy's and its gazetteer's bytes, so any edit gives a new one.
/// The shipped file's numeric "version" is the file format's, not the content's, and is not used.
/// </summary>
internal static class TaxonomyVersion
{
    public static string Of(byte[] taxonomy, byte[] gazetteer)
    {
        if (Explicit(taxonomy) is { } named)
        {
            return named;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(taxonomy);
        hash.AppendData(gazetteer);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static string? Explicit(byte[] taxonomy)
    {
        // The bytes were read (and any error in them reported) by TaxonomyReader already.
        using var document = JsonDocument.Parse(taxonomy, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(version.GetString()) ? version.GetString()!.Trim() : null;
    }

    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
