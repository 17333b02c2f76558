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
            var article = ExtractOne(page);
            var utf8 = new UTF8Encoding(false);
            File.WriteAllText(System.IO.Path.Combine(outputDirectory, page.Id + ".txt"), article.Text, utf8);
            File.WriteAllText(System.IO.Path.Combine(outputDirectory, page.Id + ".json"), ExtractedMetadataFile.From(article).ToJson(), utf8);
            count++;
        }

        return count;
    }

    /// <summary>A page the extractor fails on is written as "not an article" with the reason; the batch goes on.</summary>
    private ExtractedArticle ExtractOne(PageFile page)
    {
        var bytes = page.ReadBytes();
        try
        {
            return extractor.Extract(bytes, null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return new ExtractedArticle { IsArticle = false, NotArticleReason = $"extraction failed: {ex.GetType().Name}: {ex.Message}" };
        }
    }
}
