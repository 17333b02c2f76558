using System.Xml.Linq;
using CodeHollow.FeedReader;
using NewsDesk.Parsing.Atom;
using NewsDesk.Parsing.Dates;
using NewsDesk.Parsing.Rss;

namespace NewsDesk.Parsing.FeedReading;

/// <summary>
/// CodeHollow.FeedReader as the parser of record for RSS and Atom. FeedReader parses the repaired text,
/// decides the format (feed.Type) and the list of items; NewsDesk's adapters then read each field from
/// the elements FeedReader hands back (feed.SpecificFeed.Element, item.SpecificItem.Element) instead of
/// from FeedReader's string properties, because those have documented faults: dates parsed by
/// DateTime.TryParse that drop the offset, relative links left unresolved (no xml:base), the first link
/// taken instead of rel=alternate, base64/XHTML content and Atom 0.3 names not read, some text decoded
/// twice, no enclosures, one author at most. FeedReader types never leave this folder.
/// </summary>
internal static class FeedReaderParser
{
    /// <returns>The feed, or null with the reason when FeedReader could not read it (the caller falls back).</returns>
    public static ParsedFeed? TryRead(XElement root, Uri? baseUrl, bool netscapeDoctype, out string? failure)
    {
        Feed feed;
        try
        {
            // Only ever the in-memory string: never Read/ReadAsync, which would go to the network.
            feed = FeedReader.ReadFromString(FeedReaderInput.Serialize(root));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // FeedReader throws XmlException, NullReferenceException, FeedTypeNotSupportedException and
            // others on inputs it does not expect; none of them may lose the feed.
            failure = $"{ex.GetType().Name}: {ex.Message}";
            return null;
        }

        var document = feed.SpecificFeed?.Element?.AncestorsAndSelf().Last();
        var items = feed.Items?.Select(i => i.SpecificItem?.Element).OfType<XElement>().ToList() ?? [];
        if (document is null)
        {
            failure = $"FeedReader returned no element for a {feed.Type} feed";
            return null;
        }

        var parsed = feed.Type switch
        {
            FeedType.Atom => AtomAdapter.Read(document, baseUrl, items) with { Format = AtomAdapter.Format(root) },
            FeedType.Rss_0_91 or FeedType.Rss_0_92 or FeedType.Rss_1_0 or FeedType.Rss_2_0 or FeedType.MediaRss or FeedType.Rss
                => RssAdapter.Read(document, baseUrl, Format(feed.Type, root, netscapeDoctype), items),
            _ => null,
        };

        // FeedReader looks items up by fixed names; where it misses some (items beside an RDF channel,
        // a namespaced <rss>), the fallback reader is used rather than publish an incomplete feed.
        var expected = feed.Type == FeedType.Atom ? AtomAdapter.Entries(document).Count : RssAdapter.Items(document).Count;
        failure = parsed is null ? $"FeedReader type {feed.Type} is not RSS or Atom"
            : items.Count != expected || items.Count != feed.Items!.Count ? $"FeedReader found {items.Count} of {expected} items"
            : null;
        return failure is null ? WithFeedReaderDates(parsed!, feed.Items!) : null;
    }

    /// <summary>
    /// FeedReader's raw date string (PublishingDateString) is kept as a last source for entries whose
    /// elements gave no date: it is parsed with FeedDateParser, never with FeedReader's DateTime.TryParse,
    /// which drops offsets and misreads day/month order.
    /// </summary>
    private static ParsedFeed WithFeedReaderDates(ParsedFeed parsed, ICollection<FeedItem> items) => parsed with
    {
        Entries = [.. parsed.Entries.Zip(items, (entry, item) => entry.Published is null && entry.Updated is null
            ? entry with { Published = FeedDateParser.Parse(item.PublishingDateString) }
            : entry)],
    };

    /// <summary>
    /// FeedReader names the family; the version names it does not distinguish (0.90, 0.91 Netscape vs
    /// UserLand, 0.93/0.94, a missing version) come from the original root, not the repaired copy.
    /// </summary>
    private static string Format(FeedType type, XElement root, bool netscapeDoctype) => type switch
    {
        FeedType.Rss_0_91 => netscapeDoctype ? "rss091n" : "rss091u",
        FeedType.Rss_0_92 => "rss092",
        _ => RssAdapter.Format(root, netscapeDoctype),
    };
}
