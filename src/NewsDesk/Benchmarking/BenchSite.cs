using System.Globalization;
using System.IO.Compression;
using System.Text;
using NewsDesk.Extraction.Batch;

namespace NewsDesk.Benchmarking;

/// <summary>
/// The news sites `bench ingest` serves: F feeds of I items, each item an article page, either generated
/// (<see cref="ArticlePageGenerator"/>) or taken in turn from a folder of saved pages read at run time. Feed f
/// lives on its own host name (sF.localhost) when the machine resolves those to loopback, as separate publishers
/// do; otherwise every feed shares 127.0.0.1 and the bench raises the per-host connection limit instead.
/// </summary>
internal sealed class BenchSite
{
    private readonly List<byte[]>? _savedPages;

    public BenchSite(int feeds, int items, DateTimeOffset now, string? pagesFolder, int firstFeed = 0)
    {
        Feeds = feeds;
        Items = items;
        FirstFeed = firstFeed;
        Now = now;
        if (pagesFolder is not null)
        {
            // Kept gzipped (as saved) and served with Content-Encoding: gzip, so the folder costs little memory.
            _savedPages = [.. PageFile.List(pagesFolder).Select(p => p.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? File.ReadAllBytes(p.Path) : Gzip(File.ReadAllBytes(p.Path)))];
            if (_savedPages.Count == 0)
            {
                throw new Commands.UsageException($"--pages {pagesFolder}: no .html or .html.gz files there.");
            }
        }
    }

    public int Feeds { get; }

    public int Items { get; }

    /// <summary>Feed numbers start here (the warm-up site uses numbers the measured run does not).</summary>
    public int FirstFeed { get; }

    public DateTimeOffset Now { get; }

    public string PageSource => _savedPages is null ? "generated" : $"{_savedPages.Count} saved pages, in turn";

    public int Port { get; set; }

    public bool HostPerFeed { get; set; }

    public IEnumerable<int> FeedNumbers => Enumerable.Range(FirstFeed, Feeds);

    public string Origin(int feed) => HostPerFeed
        ? string.Create(CultureInfo.InvariantCulture, $"http://s{feed}.localhost:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    public string FeedUrl(int feed) => string.Create(CultureInfo.InvariantCulture, $"{Origin(feed)}/feeds/{feed}.xml");

    public string PageUrl(int feed, int item) => item < 0
        ? Origin(feed) + "/"
        : string.Create(CultureInfo.InvariantCulture, $"{Origin(feed)}/f{feed}/{item}/story");

    /// <summary>Items are spread over the last ten hours, inside the story window, so reports of one story can meet.</summary>
    public DateTimeOffset Published(int feed, int item) => Now.AddMinutes(-((item * 53) + (feed % 61)) % 600);

    public string FeedXml(int feed) => FeedDocumentGenerator.Rss(feed, Items, TotalItems, PageUrl, Published);

    private int TotalItems => (FirstFeed + Feeds) * Items;

    /// <summary>The page body as served, and whether it is gzip-encoded.</summary>
    public (byte[] Body, bool Gzipped) Page(int feed, int item) => _savedPages is { } saved
        ? (saved[((feed * Items) + item) % saved.Count], true)
        : (Encoding.UTF8.GetBytes(ArticlePageGenerator.Page(feed, item, TotalItems, PageUrl(feed, item), Published(feed, item))), false);

    /// <summary>The page as the fetcher hands it to the extractor: decompressed bytes.</summary>
    public byte[] PageBytes(int feed, int item)
    {
        var (body, gzipped) = Page(feed, item);
        if (!gzipped)
        {
            return body;
        }

        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
