using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;

namespace NewsDesk.Benchmarking;

/// <summary>
/// The floor for ingest: AngleSharp parsing the same pages and doing nothing else, in parallel on the same cores.
/// Pages are made in batches outside the timed part (so page generation is not counted), then each batch is
/// decoded and parsed with the parser settings the extractor uses.
/// </summary>
internal static class ParseOnlyBenchmark
{
    private const int BatchSize = 128;
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = false, IsScripting = false };

    public static (int Pages, long Bytes, TimeSpan Elapsed) Run(BenchSite site, int degree, CancellationToken ct)
    {
        var items = site.FeedNumbers.SelectMany(f => Enumerable.Range(0, site.Items).Select(i => (Feed: f, Item: i))).ToList();
        var elapsed = TimeSpan.Zero;
        long bytes = 0;
        var sink = 0L;
        foreach (var batch in items.Chunk(BatchSize))
        {
            var pages = batch.Select(p => site.PageBytes(p.Feed, p.Item)).ToArray();
            bytes += pages.Sum(p => (long)p.Length);
            var started = Stopwatch.GetTimestamp();
            Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = ct }, page =>
            {
                using var document = new HtmlParser(ParserOptions).ParseDocument(Encoding.UTF8.GetString(page));
                Interlocked.Add(ref sink, document.Body?.ChildElementCount ?? 0);
            });
            elapsed += Stopwatch.GetElapsedTime(started);
        }

        GC.KeepAlive(sink);
        return (items.Count, bytes, elapsed);
    }
}
