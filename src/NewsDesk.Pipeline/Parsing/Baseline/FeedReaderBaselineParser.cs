using CodeHollow.FeedReader;

namespace NewsDesk.Parsing.Baseline;

/// <summary>
/// CodeHollow.FeedReader (the pinned version) used as-is (ReadFromByteArray, no pre-processing), mapped to ParsedFeed.
/// Exists only so `eval feeds --baseline feedreader` can measure what FeedParser improves on; the
/// product path is FeedParser. FeedReader's own exceptions are deliberately not wrapped here, so the
/// evaluation can count them.
/// </summary>
public sealed class FeedReaderBaselineParser
{
    public ParsedFeed Parse(byte[] data)
    {
        var feed = FeedReader.ReadFromByteArray(data);
        return new ParsedFeed
        {
            Format = feed.Type switch
            {
                FeedType.Atom => "atom10",
                FeedType.Rss_0_91 => "rss091u",
                FeedType.Rss_0_92 => "rss092",
                FeedType.Rss_1_0 => "rss10",
                FeedType.Rss_2_0 or FeedType.MediaRss => "rss20",
                FeedType.Rss => "rss",
                _ => "unknown",
            },
            Title = feed.Title,
            Link = feed.Link,
            Description = feed.Description,
            Language = feed.Language,
            Copyright = feed.Copyright,
            ImageUrl = feed.ImageUrl,
            Updated = feed.LastUpdatedDate is { } updated ? new DateTimeOffset(DateTime.SpecifyKind(updated, DateTimeKind.Utc)) : null,
            Entries = [.. feed.Items.Select(item => new FeedEntry
            {
                Id = item.Id ?? item.Link ?? string.Empty,
                Title = item.Title,
                Link = item.Link,
                Summary = item.Description,
                Content = item.Content,
                Author = item.Author,
                Authors = item.Author is null ? [] : [new FeedPerson(item.Author)],
                Published = item.PublishingDate is { } published ? new DateTimeOffset(DateTime.SpecifyKind(published, DateTimeKind.Utc)) : null,
                Categories = [.. item.Categories ?? []],
            })],
        };
    }
}
