using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Extraction;
using NewsDesk.Extraction.Metadata;
using NewsDesk.Feeds;
using NewsDesk.Fetching;
using NewsDesk.Filtering;
using NewsDesk.Parsing;
using NewsDesk.Storage;
using NewsDesk.Summaries;
using NewsDesk.Tagging;
using NewsDesk.Text;

namespace NewsDesk.Pipeline;

/// <summary>
/// Turns one feed entry into a stored article. The stages run in a fixed order, each feeding the next:
/// identity → skip if unchanged → fetch page → extract (or fall back to the feed's text) → tag → summarise →
/// match story → store. Tagging runs before summaries and stories because both use what it finds (entities).
/// </summary>
public sealed partial class ArticlePipeline(
    HttpFetcher fetcher,
    ArticleExtractor extractor,
    ThemeTagger tagger,
    ExtractiveSummarizer summarizer,
    GroupCommitter committer,
    INewsStore store,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    PipelineMetrics metrics,
    ILogger<ArticlePipeline> logger)
{
    private const string PageAccept = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

    private readonly PipelineOptions _options = options.Value;

    // Drops are kept in the store, so a restart does not fetch them again (see DroppedItems).
    private readonly DroppedItems _dropped = new(store);

    /// <summary>Per-stage wall-clock timings, collected only while set (by `bench ingest`).</summary>
    public PipelineTimings? Timings { get; set; }

    internal async Task<(EntryOutcome Outcome, bool FellBack)> ProcessAsync(FeedDefinition feed, ParsedFeed parsed, FeedEntry entry, CancellationToken ct)
    {
        using var activity = PipelineActivity.StartEntry(entry.Id);
        (EntryOutcome Outcome, bool FellBack) result;
        try
        {
            result = await ProcessEntryAsync(feed, parsed, entry, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !ct.IsCancellationRequested) && !StoreFault.Is(ex))
        {
            // Whatever one entry throws (tagging, summarising, storing: a bug or a hostile value) fails that entry
            // alone; the feed's other entries are still stored, and the entry is tried again at the next poll. A fault
            // of the store itself would fail every entry after it, so it ends the poll instead (StoreFault).
            LogEntryFailed(feed.Id, entry.Id, ex.GetType().Name, ex.Message);
            PipelineActivity.Failed(activity, ex.Message);
            result = (EntryOutcome.Failed, false);
        }

        metrics.EntryProcessed(result.Outcome, result.FellBack);
        return result;
    }

    private async Task<(EntryOutcome Outcome, bool FellBack)> ProcessEntryAsync(FeedDefinition feed, ParsedFeed parsed, FeedEntry entry, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var lap = started;

        // 1. Identity: the canonical URL keys the article; an entry without a usable link cannot be stored. Only web
        // links count: a file:, data: or javascript: link from a feed must not reach the digest or the API as a source.
        var link = entry.Link ?? (Uri.TryCreate(entry.Id, UriKind.Absolute, out var idUrl) ? idUrl.AbsoluteUri : null);
        if (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var linkUrl) || (linkUrl.Scheme != Uri.UriSchemeHttp && linkUrl.Scheme != Uri.UriSchemeHttps))
        {
            LogEntryWithoutLink(feed.Id, entry.Id);
            return (EntryOutcome.Failed, false);
        }

        var url = ArticleIdentity.Canonicalize(linkUrl);

        var fingerprint = ArticleIdentity.Hash(entry.Title, entry.Summary, entry.Content, entry.Published?.ToString("O"), entry.Updated?.ToString("O"));
        // A drop rule on the entry's own title, link or text takes it out before anything is fetched for it.
        if (!feed.Filters.IsEmpty && feed.Filters.DropBeforeFetch(new FilterSubject(entry.Title, url, [HtmlText.ToPlainText(entry.Content ?? entry.Summary)], [], parsed.Language)) is { } early)
        {
            _dropped.Add(feed.Id, url, fingerprint, early);
            LogDropped(feed.Id, url, early);
            return (EntryOutcome.Dropped, false);
        }

        var existing = store.FindByUrl(url);

        // Dropped after a fetch at an earlier poll and unchanged since: not fetched again.
        if (!feed.Filters.IsEmpty && _dropped.RuleFor(feed.Id, url, fingerprint, feed.Filters) is { } remembered)
        {
            LogDropped(feed.Id, url, remembered);
            return (EntryOutcome.Dropped, false);
        }

        // 2. An entry that has not changed since the last poll costs nothing more.
        if (existing is not null && existing.EntryFingerprint == fingerprint)
        {
            return (EntryOutcome.Unchanged, false);
        }

        // 3-4. Fetch and extract the page; when that fails or finds no article, keep the feed's own text and say why.
        lap = Lap(PipelineStage.Lookup, lap);
        var (extracted, fallbackReason) = await FetchAndExtractAsync(linkUrl, feed, ct).ConfigureAwait(false);
        lap = Stopwatch.GetTimestamp();
        var feedText = HtmlText.ToPlainText(entry.Content ?? entry.Summary);
        var text = FieldCaps.Cap(fallbackReason is null ? extracted!.Text : feedText, FieldCaps.Text)!;
        var html = FieldCaps.Cap(fallbackReason is null ? extracted!.Html : HtmlText.Sanitize(HtmlBounds.Bound(entry.Content ?? entry.Summary ?? "")), FieldCaps.Html)!;
        // Feed titles arrive as plain text from the parsing stage; markup-looking text in them is literal (and the
        // digest escapes it), so it is not run through an HTML parser here.
        var title = FieldCaps.Cap(FirstNonEmpty(FoldWhitespace(entry.Title), extracted?.Title, url), FieldCaps.Title)!;
        var contentHash = ArticleIdentity.Hash(title, text);

        // A feed that re-publishes an item under a new URL or GUID must not create a second article.
        if (existing is null && text.Length > 0 && store.FindByContentHash(contentHash) is { } republished)
        {
            LogRepublished(feed.Id, url, republished.Url);
            return (EntryOutcome.Unchanged, false);
        }

        lap = Lap(PipelineStage.Lookup, lap);

        // 5. Tags, with the parties and entities the later stages use.
        var description = extracted?.Description ?? (fallbackReason is null ? feedText : null);
        // TagInputs.From is what the `tag` command uses too, so what `eval themes` measures is what ingest does.
        var tagging = tagger.Tag(TagInputs.From(title, description, text));
        lap = Lap(PipelineStage.Tag, lap);

        // Keep rules, and drop rules on themes, language or the page's text, can only decide now, before anything is stored.
        if (!feed.Filters.IsEmpty && feed.Filters.Drop(new FilterSubject(title, url, [feedText, text], [.. tagging.Tags.Select(t => t.Theme)], extracted?.Language ?? parsed.Language)) is { } rule)
        {
            _dropped.Add(feed.Id, url, fingerprint, rule);
            LogDropped(feed.Id, url, rule);
            return (EntryOutcome.Dropped, false);
        }

        // 6. Summary, every sentence pointing back into the text, at the page's stable address when it gave an
        // acceptable canonical link (StableLink): the digest links that, so it outlives a mirror or a temporary server.
        var stableLink = StableLink.From(extracted?.CanonicalUrl, linkUrl);
        var summary = summarizer.Summarize(text.Length > 0 ? text : title, title, stableLink ?? url);
        Lap(PipelineStage.Summarise, lap);

        var now = time.GetUtcNow();
        var article = new Article
        {
            Id = existing?.Id ?? ArticleIdentity.IdFor(url),
            FeedId = feed.Id,
            SourceKind = feed.Kind == FeedKind.Government ? "government" : "press",
            Source = extracted?.SiteName ?? parsed.Title ?? feed.Title,
            Url = url,
            Link = stableLink,
            EntryId = entry.Id,
            Title = title,
            Byline = FieldCaps.Cap(extracted?.Byline ?? entry.Author, FieldCaps.Byline),
            Published = entry.Published ?? extracted?.Published ?? entry.Updated ?? extracted?.Modified,
            Modified = entry.Updated ?? extracted?.Modified,
            Ingested = existing?.Ingested ?? now,
            LastUpdated = now,
            Description = FieldCaps.Cap(extracted?.Description ?? (feedText.Length > 0 ? Truncate(feedText, 500) : null), FieldCaps.Description),
            Language = extracted?.Language ?? parsed.Language,
            LeadImage = extracted?.LeadImage,
            Text = text,
            Html = html,
            TextSource = fallbackReason is null ? "page" : "feed",
            FallbackReason = fallbackReason,
            ContentHash = contentHash,
            EntryFingerprint = fingerprint,
            Tags = tagging.Tags,
            Themes = tagging.Tags.Select(t => t.Theme).ToArray(),
            Parties = tagging.Parties,
            Countries = tagging.Countries,
            Organisations = tagging.Organisations,
            TaxonomyVersion = tagger.Version,
            Summary = summary,
        };

        // 7-8. Story matching and storing, together with the other articles ready now (see GroupCommitter).
        var times = await committer.CommitAsync(article).ConfigureAwait(false);
        Record(PipelineStage.StoryLockWait, times.Wait, times.Match + times.Store);
        Record(PipelineStage.StoryMatch, times.Match, times.Store);
        Record(PipelineStage.Store, times.Store);

        Timings?.AddArticle(Stopwatch.GetElapsedTime(started));
        return (existing is null ? EntryOutcome.New : EntryOutcome.Updated, fallbackReason is not null);
    }

    /// <summary>
    /// The page is fetched with the feed's User-Agent and time limit, and with its headers and cookies (a token) only when
    /// it is on the feed's own origin (scheme, host and port): a feed may link anywhere, and its secrets are for its publisher.
    /// </summary>
    private async Task<(ExtractedArticle? Article, string? FallbackReason)> FetchAndExtractAsync(Uri url, FeedDefinition feed, CancellationToken ct)
    {
        var source = feed.Settings;
        var request = source.ApplyTo(new FetchRequest(url, Accept: PageAccept));
        request = SameOrigin.Is(url, feed.Url) ? request : request with { Headers = [] };
        FetchResult page;
        var lap = Stopwatch.GetTimestamp();
        try
        {
            page = await fetcher.FetchAsync(request, ct).ConfigureAwait(false);
            lap = Lap(PipelineStage.Fetch, lap);
        }
        catch (FetchException ex)
        {
            return (null, $"page not fetched: {ex.Message}");
        }

        if (!page.IsSuccess)
        {
            return (null, $"page not fetched: HTTP {(int)page.Status}");
        }

        if (page.ContentType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"page is not HTML ({type})");
        }

        ExtractedArticle extracted;
        try
        {
            extracted = extractor.Extract(page.Body, page.ContentType, page.FinalUrl, source.Extract);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A page the extractor cannot handle costs the article its page text, not the article.
            return (null, $"page not extracted: {ex.GetType().Name}: {ex.Message}");
        }

        Lap(PipelineStage.Extract, lap);
        if (!extracted.IsArticle)
        {
            return (extracted, $"no article on the page: {extracted.NotArticleReason ?? "not an article"}");
        }

        return extracted.Text.Length < _options.MinArticleChars
            ? (extracted, $"no article on the page: only {extracted.Text.Length} characters of text")
            : (extracted, null);
    }

    /// <summary>Ends a stage begun at <paramref name="since"/> (see <see cref="Record"/>) and returns now.</summary>
    private long Lap(PipelineStage stage, long since)
    {
        var now = Stopwatch.GetTimestamp();
        Record(stage, now - since);
        return now;
    }

    /// <summary>A stage's time goes to the stage-duration metric, the trace and, while `bench ingest` runs, to <see cref="Timings"/>.</summary>
    private void Record(PipelineStage stage, long ticks, long endedTicksAgo = 0)
    {
        metrics.StageCompleted(stage, ticks);
        Timings?.Add(stage, ticks);
        PipelineActivity.Completed(stage, ticks, endedTicksAgo);
    }

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!.Trim();

    private static string? FoldWhitespace(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Feed {FeedId}: entry {EntryId} has no usable link; skipped")]
    private partial void LogEntryWithoutLink(string feedId, string entryId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Feed {FeedId}: {Url} re-publishes {ExistingUrl}; not stored twice")]
    private partial void LogRepublished(string feedId, string url, string existingUrl);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Feed {FeedId}: {Url} dropped by rule: {Rule}")]
    private partial void LogDropped(string feedId, string url, string rule);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Feed {FeedId}: entry {EntryId} failed and was not stored ({ErrorType}): {Error}")]
    private partial void LogEntryFailed(string feedId, string entryId, string errorType, string error);
}
