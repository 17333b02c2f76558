using NewsDesk.Extraction;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Benchmarks;

/// <summary>
/// Inputs for the per-stage micro-benchmarks, from the repository's own samples/ (feeds and article pages), so the
/// benchmarks need no shared data: the pages extracted once, and stored articles made from their text.
/// </summary>
public sealed class StageInputs
{
    public StageInputs()
    {
        var samples = FindSamples();
        Feeds = [.. Directory.GetFiles(Path.Combine(samples, "feeds")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        Pages = [.. Directory.GetFiles(Path.Combine(samples, "pages"), "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        var extractor = new ArticleExtractor();
        Extracted = [.. Pages.Select(p => extractor.Extract(p, "text/html; charset=utf-8", new Uri("https://example.org/a"))).Where(e => e.Text.Length > 0)];
    }

    public byte[][] Feeds { get; }

    public byte[][] Pages { get; }

    public ExtractedArticle[] Extracted { get; }

    /// <summary>The <paramref name="index"/>th stored article: a sample page's text under a numbered headline, one story per three.</summary>
    public Article Article(int index, DateTimeOffset published, ThemeTagger tagger, ExtractiveSummarizer summarizer, StoryMatcher matcher)
    {
        var page = Extracted[index % Extracted.Length];
        var title = $"{page.Title} ({index / 3})";
        var url = $"https://site{index % 50}.example.org/{index}";
        var tags = tagger.Tag(TagInputs.From(title, page.Description, page.Text));
        var lede = page.Description ?? page.Text[..Math.Min(300, page.Text.Length)];
        var signature = matcher.Sign(title, lede, StoryEntities.Find(title, lede));
        return new Article
        {
            Id = Pipeline.ArticleIdentity.IdFor(url),
            FeedId = $"feed-{index % 50}",
            Url = url,
            Title = title,
            Published = published,
            Ingested = published,
            LastUpdated = published,
            Description = page.Description,
            Text = page.Text,
            Html = page.Html,
            Tags = tags.Tags,
            Themes = [.. tags.Tags.Select(t => t.Theme)],
            Parties = tags.Parties,
            Countries = tags.Countries,
            Organisations = tags.Organisations,
            Summary = summarizer.Summarize(page.Text, title, url),
            StorySignature = signature,
            StoryKeys = matcher.BandKeys(signature),
            StoryId = Pipeline.ArticleIdentity.IdFor($"story-{index / 3}"),
        };
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "feeds.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/feeds.json not found above " + AppContext.BaseDirectory + "; run from the repository.");
    }
}
