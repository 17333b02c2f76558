using System.Globalization;
using System.IO.Compression;
using NewsDesk.Extraction;
using NewsDesk.Tagging;
using NewsDesk.Tests.Support;

namespace NewsDesk.Tests.Tagging;

/// <summary>
/// Whole real pages, as the worker sees them: extracted by <see cref="ArticleExtractor"/>, then tagged from headline,
/// description and text with <see cref="TagInputs"/>. The pages in ../shared/data/extraction-dev and samples are
/// general web and tech-press pages, GOV.UK pages of 2016 and homepages; none is news of international AI cooperation
/// (read through when this test was written), so every theme given to one is a false tag. Skips without ../shared.
/// </summary>
public sealed class PageFalseTagTests
{
    // Ratchet: 6 of 317 pages (1.9 %) on 2026-12-07, 56 (17.7 %) before tags needed AI and evidence in the head
    // (docs/benchmarks/tagging.md). The issue's target is at most 5 %.
    private const double MaxFalseTagRate = 0.02;

    [Fact]
    public void Real_pages_that_are_not_about_AI_cooperation_get_no_theme()
    {
        var extraction = RepoPaths.SharedData("extraction-dev");
        var samples = RepoPaths.SharedData("samples");
        Assert.SkipWhen(extraction is null || samples is null, "../shared/data/extraction-dev or samples not found");

        var pages = Directory.GetFiles(Path.Combine(extraction, "pages"), "*.html.gz")
            .Select(path => (Name: Path.GetFileName(path), Bytes: Gunzip(path)))
            .Concat(Directory.GetFiles(samples, "*.html", SearchOption.AllDirectories).Select(path => (Name: Path.GetRelativePath(samples, path), Bytes: File.ReadAllBytes(path))))
            .ToList();
        var extractor = new ArticleExtractor();
        var tagger = new ThemeTagger(Taxonomy.LoadDefault());

        var tagged = new List<string>();
        foreach (var (name, bytes) in pages)
        {
            var article = extractor.Extract(bytes, "text/html", null);
            var result = tagger.Tag(TagInputs.From(article.Title ?? "", article.Description, article.Text));
            if (result.Tags.Length > 0)
            {
                var evidence = result.Tags[0].Evidence.FirstOrDefault();
                tagged.Add($"{name} [{string.Join(",", result.Tags.Select(t => t.Theme))}] {article.Title}: \"{evidence?.Phrase}\" in {evidence?.Field}");
            }
        }

        var rate = tagged.Count / (double)pages.Count;
        Assert.True(pages.Count > 300, $"only {pages.Count} pages found");
        Assert.True(rate <= MaxFalseTagRate, string.Create(CultureInfo.InvariantCulture, $"{tagged.Count} of {pages.Count} pages tagged ({rate:P1}):\n{string.Join('\n', tagged)}"));
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
