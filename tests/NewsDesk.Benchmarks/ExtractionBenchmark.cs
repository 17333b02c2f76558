using System.Diagnostics;
using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using NewsDesk.Extraction;
using NewsDesk.Extraction.Batch;
using SmartReader;

namespace NewsDesk.Benchmarks;

/// <summary>
/// Side-by-side speed on saved pages, in one thread with the HTML already in memory: AngleSharp
/// parse only, our extractor (parse + extract + metadata + sanitised HTML) and SmartReader.
/// Each runs one warm-up pass first, so the figures are warm.
/// </summary>
internal static class ExtractionBenchmark
{
    private const int Passes = 3;

    // The same parser settings the extractor uses, so the ratio isolates the extraction work.
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = false, IsScripting = false };

    public static void Run(string dataDirectory)
    {
        var pages = PageFile.List(Path.Combine(dataDirectory, "pages"))
            .Select(p => Encoding.UTF8.GetString(p.ReadBytes()))
            .ToList();
        var url = new Uri("https://example.org/article");
        var extractor = new ArticleExtractor();
        var sink = 0L;

        var parse = Measure(pages, html =>
        {
            using var document = new HtmlParser(ParserOptions).ParseDocument(html);
            sink += document.Body?.ChildElementCount ?? 0;
        });
        var ours = Measure(pages, html => sink += extractor.Extract(html, url).Text.Length);
        var smartReader = Measure(pages, html => sink += new Reader(url.ToString(), html).GetArticle().TextContent?.Length ?? 0);

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"pages: {pages.Count}, {pages.Sum(p => p.Length) / 1e6:F1} M chars, warm, best of {Passes} passes (checksum {sink})"));
        Print("AngleSharp parse only", parse, pages.Count);
        Print("NewsDesk ArticleExtractor", ours, pages.Count);
        Print("SmartReader 0.11.1", smartReader, pages.Count);
        Console.WriteLine(string.Create(c, $"ours / parse-only time: {ours.TotalSeconds / parse.TotalSeconds:F2}x  (target <= 1.3x)"));
        Console.WriteLine(string.Create(c, $"SmartReader / ours time: {smartReader.TotalSeconds / ours.TotalSeconds:F2}x  (target >= 4x)"));
    }

    private static TimeSpan Measure(List<string> pages, Action<string> run)
    {
        foreach (var html in pages)
        {
            run(html);
        }

        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < Passes; pass++)
        {
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            foreach (var html in pages)
            {
                run(html);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            best = elapsed < best ? elapsed : best;
        }

        return best;
    }

    private static void Print(string name, TimeSpan elapsed, int count) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} {elapsed.TotalSeconds,7:F2} s  {count / elapsed.TotalSeconds,7:F1} pages/s  {elapsed.TotalMilliseconds / count,6:F2} ms/page"));
}
