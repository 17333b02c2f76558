using System.Collections.Concurrent;
using NewsDesk.Desks;
using NewsDesk.Storage;
using NewsDesk.Stories;

namespace NewsDesk.Digests;

/// <summary>
/// Builds a day's digest from the store: the day's articles grouped into stories, each story shown once under its
/// strongest theme, its primary source the original (government over press, then earliest) and the rest listed
/// as "also reported by". Stories rank by number of sources, then source kind, then recency; the first few make
/// "At a glance". Stories with no theme are headlines only, under "Also in the feeds".
/// </summary>
public sealed class DigestBuilder(INewsStore store, TimeProvider time)
{
    /// <summary>How many top stories "At a glance" lists.</summary>
    public const int GlanceStories = 5;

    /// <summary>How far back a story's earlier reports are looked for, to mark it "developing".</summary>
    public const int DevelopingLookBackDays = 14;

    // The digests Current built last, with the store's generation they were read at; a handful of days at most.
    private const int Held = 8;
    private readonly ConcurrentDictionary<(DateOnly Date, string Zone, string? Desk), (long Generation, Digest Digest)> _current = new();

    /// <summary>
    /// The day's digest as the store now stands, built again only when something was written since it was last built.
    /// The editors' page and /api/stories ask for it on every request; between polls the store does not change.
    /// </summary>
    public Digest Current(DateOnly date, TimeZoneInfo zone, DeskOptions? desk = null, bool listUntagged = true)
    {
        var generation = store.Generation;
        var key = (date, zone.Id, desk?.Id);
        if (_current.TryGetValue(key, out var held) && held.Generation == generation)
        {
            return held.Digest;
        }

        var digest = Build(date, zone, desk?.ListUntagged ?? listUntagged, desk);
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

    /// <param name="listUntagged">List stories with no theme under "Also in the feeds"; false leaves them out.</param>
    /// <param name="desk">The desk whose digest this is: only the articles and tags it follows (<see cref="DeskFilter"/>); null for everything.</param>
    public Digest Build(DateOnly date, TimeZoneInfo zone, bool listUntagged = true, DeskOptions? desk = null) =>
        Build(Read(date, zone), listUntagged, desk);

    /// <summary>The day's articles and their stories' earlier reports: two range reads, shared by every desk's digest of the day.</summary>
    public DigestInput Read(DateOnly date, TimeZoneInfo zone)
    {
        var (start, end) = Bounds(date, zone);
        // Without text and HTML: a digest shows headlines, summaries, tags and links.
        var articles = store.QueryHeadlines(new ArticleQuery { Since = start, Until = end }).ToList();
        return new DigestInput(date, zone, articles, Earlier(articles, start));
    }

    /// <summary>
    /// The digest of <paramref name="input"/> as <paramref name="desk"/> sees it. The earlier reports need no filtering:
    /// they only date the stories the desk's own articles belong to.
    /// </summary>
    public Digest Build(DigestInput input, bool listUntagged = true, DeskOptions? desk = null)
    {
        var articles = desk is null ? input.Articles : [.. DeskFilter.Apply(desk, input.Articles)];
        var digest = Build(input.Date, input.Zone, articles, input.Earlier, listUntagged);
        return desk is null ? digest : digest with { Desk = desk.Id, DeskName = desk.DisplayName };
    }

    /// <summary>
    /// The reports from the <see cref="DevelopingLookBackDays"/> days before <paramref name="start"/> of the stories
    /// in <paramref name="articles"/>: one range read, so a story continuing from earlier days shows as developing.
    /// </summary>
    public IReadOnlyCollection<Article> Earlier(IReadOnlyCollection<Article> articles, DateTimeOffset start)
    {
        var stories = articles.Select(a => a.StoryId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return stories.Count == 0
            ? []
            : store.QueryHeadlines(new ArticleQuery { Since = start.AddDays(-DevelopingLookBackDays), Until = start })
                .Where(a => a.StoryId is { } story && stories.Contains(story))
                .ToList();
    }

    /// <param name="earlier">Reports of the same stories from before the day (<see cref="Earlier"/>); empty when none are known.</param>
    public Digest Build(DateOnly date, TimeZoneInfo zone, IReadOnlyCollection<Article> articles, IReadOnlyCollection<Article>? earlier = null, bool listUntagged = true)
    {
        var firstReported = (earlier ?? [])
            .GroupBy(a => a.StoryId!)
            .ToDictionary(g => g.Key, g => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(g.Min(a => a.EffectiveDate), zone).DateTime), StringComparer.Ordinal);
        var stories = articles
            .GroupBy(a => a.StoryId ?? a.Id)
            .Select(story => ToEntry(story, firstReported))
            .ToList();

        var sections = stories
            .Where(e => e.Tags.Length > 0)
            .GroupBy(e => e.Tags.MaxBy(t => t.Score)!.Theme)
            .OrderBy(g => ThemeHeadings.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DigestSection
            {
                Theme = g.Key,
                Heading = ThemeHeadings.Heading(g.Key),
                Entries = [.. Ranked(g)],
            })
            .ToArray();

        var untagged = listUntagged
            ? Ranked(stories.Where(e => e.Tags.Length == 0)).Select(e => new DigestLink(e.Headline, e.Url, e.Source)).ToArray()
            : [];

        return new Digest
        {
            Date = date.ToString("yyyy-MM-dd"),
            TimeZone = zone.Id,
            GeneratedAt = time.GetUtcNow(),
            // Untagged articles left out are not counted: the count is of what the digest covers.
            ArticleCount = listUntagged ? articles.Count : sections.Sum(s => s.Entries.Sum(e => e.SourceCount)),
            StoryCount = sections.Sum(s => s.Entries.Length) + untagged.Length,
            AtAGlance = [.. Ranked(sections.SelectMany(s => s.Entries)).Take(GlanceStories)
                .Select(e => new GlanceLine(e.StoryId, e.Headline, e.Parties, e.SourceCount, e.Anchor))],
            Sections = sections,
            AlsoInTheFeeds = untagged,
        };
    }

    private static IOrderedEnumerable<DigestEntry> Ranked(IEnumerable<DigestEntry> entries) =>
        entries.OrderByDescending(e => e.SourceCount)
            .ThenBy(e => e.SourceKind == "government" ? 0 : 1)
            .ThenByDescending(e => e.Published)
            .ThenBy(e => e.Headline, StringComparer.Ordinal);

    private static DigestEntry ToEntry(IGrouping<string, Article> story, Dictionary<string, DateOnly> firstReported)
    {
        var primary = PrimarySource.Choose(story, a => a.SourceKind == "government", a => a.Published ?? a.Ingested);
        var tags = primary.Tags.Length > 0 ? primary.Tags : story.SelectMany(a => a.Tags).GroupBy(t => t.Theme).Select(g => g.MaxBy(t => t.Score)!).ToArray();
        return new DigestEntry
        {
            StoryId = story.Key,
            ArticleId = primary.Id,
            Headline = primary.Title,
            Url = ArticleLink.For(primary),
            Source = primary.Source,
            SourceKind = primary.SourceKind,
            Published = primary.Published,
            Summary = primary.Summary,
            Tags = tags,
            ThemeLabels = [.. tags.Select(t => ThemeHeadings.Label(t.Theme))],
            // The parties of every report: a press account often names a partner the government's own release left implicit.
            Parties = [.. primary.Parties.Concat(story.SelectMany(a => a.Parties)).Distinct(StringComparer.OrdinalIgnoreCase)],
            Organisations = [.. primary.Organisations.Concat(story.SelectMany(a => a.Organisations)).Distinct(StringComparer.OrdinalIgnoreCase)],
            TextSource = primary.TextSource,
            AlsoReportedBy = story.Where(a => a.Id != primary.Id)
                .OrderBy(a => a.Published ?? a.Ingested)
                .Select(a => new DigestLink(a.Title, ArticleLink.For(a), a.Source))
                .ToArray(),
            Developing = firstReported.TryGetValue(story.Key, out var first) ? new DevelopingStory(first, story.Count()) : null,
        };
    }
}
