using System.Xml.Linq;
using NewsDesk.Parsing.Atom;
using NewsDesk.Parsing.Cdf;
using NewsDesk.Parsing.Charsets;
using NewsDesk.Parsing.FeedReading;
using NewsDesk.Parsing.Json;
using NewsDesk.Parsing.Rss;
using NewsDesk.Parsing.Xml;
using NewsDesk.Pipeline;

namespace NewsDesk.Parsing;

/// <summary>
/// Entry point of the parsing stage: bytes in, NewsDesk's ParsedFeed out. It decodes and repairs the
/// document (our layer), parses RSS and Atom with CodeHollow.FeedReader (the parser of record) and
/// corrects FeedReader's faults from the elements it returns; JSON Feed goes to System.Text.Json, CDF
/// and the rare document FeedReader fails on to our own fallback readers (counted). Any input that is not a readable
/// feed ends in a FeedParseException; no other exception type escapes.
/// </summary>
public sealed class FeedParser
{
    /// <summary>Larger bodies are not feeds we want; the fetcher caps downloads at this size too.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    private int feedReaderCount;
    private int fallbackCount;

    /// <summary>Feeds this instance parsed with CodeHollow.FeedReader, the parser of record for RSS and Atom.</summary>
    public int FeedReaderCount => feedReaderCount;

    /// <summary>XML feeds this instance read with its own fallback readers (CDF, or FeedReader failed).</summary>
    public int FallbackCount => fallbackCount;

    /// <summary>Entries read from one document unless the caller asks for fewer; the rest are skipped unread.</summary>
    public const int MaxEntries = 10_000;

    /// <param name="data">The body as received.</param>
    /// <param name="contentType">The HTTP Content-Type; its charset overrides the XML declaration.</param>
    /// <param name="baseUrl">The document's URL (Content-Location, else the fetch URL) for relative links.</param>
    public ParsedFeed Parse(byte[] data, string? contentType = null, Uri? baseUrl = null) => ParseFirst(data, contentType, baseUrl, MaxEntries);

    /// <summary>As <see cref="Parse"/>, reading only the first <paramref name="maxEntries"/> entries: the poller's, which uses no more.</summary>
    public ParsedFeed ParseFirst(byte[] data, string? contentType, Uri? baseUrl, int maxEntries)
    {
        if (data is null || data.Length == 0)
        {
            throw new FeedParseException("document is empty", 1, 1);
        }

        if (data.Length > MaxBytes)
        {
            throw new FeedParseException($"document is {data.Length} bytes, over the {MaxBytes}-byte limit");
        }

        maxEntries = Math.Clamp(maxEntries, 1, MaxEntries);
        try
        {
            var decoded = FeedTextDecoder.Decode(data, contentType);

            // Leading white space stays in the text the readers get (they skip it), so that their line numbers
            // are those of the document as received.
            var text = decoded.Text.TrimStart('\uFEFF', '\0');
            var feed = text.TrimStart().StartsWith('{') ? JsonFeedAdapter.Read(text, baseUrl, maxEntries) : ReadXml(text, baseUrl, maxEntries);
            return Normalize(feed) with { Encoding = decoded.EncodingName };
        }
        catch (FeedParseException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in a format adapter must still surface as a parse failure of this feed, with its
            // cause attached, rather than take down the poller.
            throw new FeedParseException($"unexpected {ex.GetType().Name} while reading the feed: {ex.Message}", inner: ex);
        }
    }

    /// <summary>
    /// Format-independent normalisation, after the adapters: every entry gets an id (a content hash when it
    /// has no guid, id or link) and a title; the id is computed first so it does not depend on the fallback title.
    /// Text fields are cut to <see cref="FieldCaps"/> here, so a hostile 10 MB title costs nothing in later stages.
    /// </summary>
    private static ParsedFeed Normalize(ParsedFeed feed) => feed with
    {
        Title = FieldCaps.Cap(string.IsNullOrWhiteSpace(feed.Title) ? feed.FeedUrl ?? feed.Link : feed.Title, FieldCaps.Title),
        Description = FieldCaps.Cap(feed.Description, FieldCaps.Description),
        Entries = [.. feed.Entries.Select(entry =>
        {
            var withId = entry.Id.Length > 0 ? entry : entry with { Id = EntryIds.Fallback(entry.Title, entry.Content ?? entry.Summary, entry.Published ?? entry.Updated) };
            withId = withId with
            {
                Title = FieldCaps.Cap(withId.Title, FieldCaps.Title),
                Summary = FieldCaps.Cap(withId.Summary, FieldCaps.Html),
                Content = FieldCaps.Cap(withId.Content, FieldCaps.Html),
                Author = FieldCaps.Cap(withId.Author, FieldCaps.Byline),
            };
            return string.IsNullOrWhiteSpace(withId.Title) ? withId with { Title = TitleFallback.ForEntry(withId) } : withId;
        })],
    };

    private ParsedFeed ReadXml(string text, Uri? baseUrl, int maxEntries)
    {
        if (text.AsSpan().Trim().IsEmpty)
        {
            var (line, column) = TextPosition.End(text);
            throw new FeedParseException("document is empty or not XML", line, column);
        }

        var prepared = XmlPreprocessor.Prepare(text, out var netscapeDoctype);
        var root = LenientXmlLoader.Load(prepared, maxEntries);
        if (Detect(root) is not { } family)
        {
            var (line, column) = LenientXmlLoader.PositionOf(root);
            throw new FeedParseException($"unable to detect feed format: root element <{root.Name.LocalName}> is not rss, RDF, feed or CHANNEL", line, column);
        }

        if (family != "cdf" && FeedReaderParser.TryRead(root, baseUrl, netscapeDoctype, out _) is { } feed)
        {
            Interlocked.Increment(ref feedReaderCount);
            return feed;
        }

        // Guarded fallback: CDF (FeedReader has no reader for it) and the feeds FeedReader failed on
        // despite the repairs go to our own readers over the same repaired tree, and are counted.
        Interlocked.Increment(ref fallbackCount);
        return family switch
        {
            "rss" => RssAdapter.Read(root, baseUrl, RssAdapter.Format(root, netscapeDoctype), RssAdapter.Items(root)),
            "atom" => AtomAdapter.Read(root, baseUrl, AtomAdapter.Entries(root)),
            _ => CdfAdapter.Read(root, baseUrl),
        };
    }

    private static string? Detect(XElement root) => root.Name.LocalName switch
    {
        "rss" or "RDF" => "rss",
        "feed" => "atom",
        "channel" or "CHANNEL" or "Channel" => "cdf",
        _ => null,
    };
}
