using System.Text;

namespace NewsDesk.Extraction.Batch;

/// <summary>Runs the extractor over saved pages and writes &lt;id&gt;.txt (main text) and &lt;id&gt;.json (metadata).</summary>
public sealed class ExtractDirectoryRunner(ArticleExtractor extractor)
{
    /// <summary>Returns the number of pages written.</summary>
    public int Run(string inputDirectory, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var count = 0;
        foreach (var page in PageFile.List(inputDirectory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = extractor.Extract(page.ReadBytes(), null, null);
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(System.IO.Path.Combine(outputDirectory, page.Id + ".txt"), article.Text, utf8);
            File.WriteAllText(System.IO.Path.Combine(outputDirectory, page.Id + ".json"), ExtractedMetadataFile.From(article).ToJson(), utf8);
            count++;
        }

        return count;
    }
}
