using System.IO.Compression;

namespace NewsDesk.Extraction.Batch;

/// <summary>A saved page on disk: &lt;id&gt;.html or &lt;id&gt;.html.gz.</summary>
public sealed record PageFile(string Id, string Path)
{
    /// <summary>The saved pages in a folder, ordered by id; .html.gz wins over .html when both exist.</summary>
    public static IReadOnlyList<PageFile> List(string directory)
    {
        var pages = new SortedDictionary<string, PageFile>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory))
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            {
                var id = name[..^".html.gz".Length];
                pages[id] = new PageFile(id, path);
            }
            else if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                var id = name[..^".html".Length];
                pages.TryAdd(id, new PageFile(id, path));
            }
        }

        return [.. pages.Values];
    }

    /// <summary>The page bytes as fetched, gunzipped when the file is .gz.</summary>
    public byte[] ReadBytes()
    {
        if (!Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(Path);
        }

        using var file = File.OpenRead(Path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
