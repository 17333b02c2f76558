using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsDesk.Extraction;
using NewsDesk.Extraction.Batch;

namespace NewsDesk.Benchmarks;

/// <summary>
/// SHA-256 of everything the extractor outputs on the saved pages (metadata as the extract command writes
/// it, the text, and separately the cleaned HTML), each page with its URL from expected.jsonl and without
/// one. Speed work must leave these unchanged: run it before and after.
/// </summary>
internal static class ExtractionOutputHash
{
    public static void Run(string dataDirectory)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var expected = Path.Combine(dataDirectory, "expected.jsonl");
        if (File.Exists(expected))
        {
            foreach (var line in File.ReadLines(expected))
            {
                using var json = JsonDocument.Parse(line);
                urls[json.RootElement.GetProperty("id").GetString()!] = json.RootElement.GetProperty("url").GetString()!;
            }
        }

        var extractor = new ArticleExtractor();
        using var outputs = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var html = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var page in PageFile.List(Path.Combine(dataDirectory, "pages")))
        {
            var bytes = page.ReadBytes();
            Uri?[] variants = urls.TryGetValue(page.Id, out var url) ? [new Uri(url), null] : [null];
            foreach (var pageUrl in variants)
            {
                var article = extractor.Extract(bytes, null, pageUrl);
                var key = page.Id + (pageUrl is null ? ".nourl" : "") + "\n";
                outputs.AppendData(Encoding.UTF8.GetBytes(key + ExtractedMetadataFile.From(article).ToJson() + "\n----\n" + article.Text + "\n"));
                html.AppendData(Encoding.UTF8.GetBytes(key + article.Html + "\n"));
                count++;
            }
        }

        Console.WriteLine($"extractions: {count}");
        Console.WriteLine($"metadata+text SHA-256 {Convert.ToHexString(outputs.GetHashAndReset())}");
        Console.WriteLine($"cleaned HTML  SHA-256 {Convert.ToHexString(html.GetHashAndReset())}");
    }
}
