using System.Collections.Concurrent;
using NewsDesk.Storage;
using NewsDesk.Stories;

namespace NewsDesk.Digests;

/// <summary>
/// Builds a day's digest from the store: the day's articles grouped into stories, each story shown once under its
/// strongest theme, its primary source the original (government over press, then earliest) and the rest listed
/// as "also reported by". Stories rank by number of sources, then source kind, then recency.
/// </summary>
public sealed class DigestBuilder(INewsStore store, TimeProvider time)
{
    // The digests Current built last, with the store's generation they were read at; a handful of days at most.
    private const int Held = 8;
    private readonly ConcurrentDictionary<(DateOnly Date, string Zone), (long Generation, Digest Digest)> _current = new();

    /// <summary>
    /// The day's digest as the store now stands, built again only when something was written since it was last built.
    /// The editors' page and /api/stories ask for it on every request; between polls the store does not change.
    /// </summary>
    public Digest Current(DateOnly date, TimeZoneInfo zone)
    {
        var generation = store.Generation;
        var key = (date, zone.Id);
        if (_current.TryGetValue(key, out var held) && held.Generation == generation)
        {
            return held.Digest;
        }

        var digest = Build(date, zone);
        if (_current.Count >= Held)
        {
            _current.Clear();
        }

        _current[key] = (generation, digest);
        return digest;
    }

    /// <summary>The newest day, from <paramref name="onOrBefore"/> back at most <paramref name="days"/> days, with an article dated in it.</summary>
    public DateOnly? NewestDayWithNews(DateOnly onOrBefore, TimeZoneInfo zone, int days)
    {
        for (var day = onOrBefore; day > onOrBefore.AddDays(-days); day = day.AddDays(-1))
        {
            // One indexed range read per day, stopped at its first article: an empty day costs next to nothing.
            var (start, end) = Bounds(day, zone);
            if (store.QueryHeadlines(new ArticleQuery { Since = start, Until = end, Limit = 1 }).Any())
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>Where a digest day starts and ends in its time zone: the same bounds as the digest's own query.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var next = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return (new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)), new DateTimeOffset(next, zone.GetUtcOffset(next)));
    }

    public Digest Build(DateOnly date, TimeZoneInfo zone)
    {
        var (start, end) = Bounds(date, zone);
        // Without text and HTML: a digest shows headlines, summaries, tags and links.
        var articles = store.QueryHeadlines(new ArticleQuery { Since = start, Until = end }).ToList();
        return Build(date, zone, articles);
    }

    public Digest Build(DateOnly date, TimeZoneInfo zone, IReadOnlyCollection<Article> articles)
    {
        var stories = articles
            .GroupBy(a => a.StoryId ?? a.Id)
            .Select(ToEntry)
            .ToList();

        var sections = stories
            .GroupBy(e => e.Tags.OrderByDescending(t => t.Score).FirstOrDefault()?.Theme ?? ThemeHeadings.Other)
            .OrderBy(g => ThemeHeadings.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DigestSection
            {
                Theme = g.Key,
                Heading = ThemeHeadings.Heading(g.Key),
                Entries = g.OrderByDescending(e => e.AlsoReportedBy.Length)
                    .ThenBy(e => e.SourceKind == "government" ? 0 : 1)
                    .ThenByDescending(e => e.Published)
                    .ThenBy(e => e.Headline, StringComparer.Ordinal)
                    .ToArray(),
            })
            .ToArray();

        return new Digest
        {
            Date = date.ToString("yyyy-MM-dd"),
            TimeZone = zone.Id,
            GeneratedAt = time.GetUtcNow(),
            ArticleCount = articles.Count,
            StoryCount = stories.Count,
            Sections = sections,
        };
    }

    private static DigestEntry ToEntry(IGrouping<string, Article> story)
    {
        var primary = PrimarySource.Choose(story, a => a.SourceKind == "government", a => a.Published ?? a.Ingested);
        var tags = primary.Tags.Length > 0 ? primary.Tags : story.SelectMany(a => a.Tags).GroupBy(t => t.Theme).Select(g => g.MaxBy(t => t.Score)!).ToArray();
        return new DigestEntry
        {
            StoryId = story.Key,
            ArticleId = primary.Id,
            Headline = primary.Title,
            Url = primary.Url,
            Source = primary.Source,
            SourceKind = primary.SourceKind,
            Published = primary.Published,
            Summary = primary.Summary,
            Tags = tags,
            Parties = primary.Parties,
            TextSource = primary.TextSource,
            AlsoReportedBy = story.Where(a => a.Id != primary.Id)
                .OrderBy(a => a.Published ?? a.Ingested)
                .Select(a => new DigestLink(a.Title, a.Url, a.Source))
                .ToArray(),
        };
    }
}
