using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NewsDesk.Digests;
using NewsDesk.Extraction;
using NewsDesk.Parsing;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Benchmarks;

/// <summary>
/// One micro-benchmark per pipeline stage, on the samples/ feeds and pages (`dotnet run -c Release --project
/// tests/NewsDesk.Benchmarks -- stages`). Short runs in process, so the whole set takes minutes; each figure is per
/// operation (one feed, one page, one article, one store of 2,000 articles, one digest of 600).
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class StageBenchmarks : IDisposable
{
    private const int StoreArticles = 2000;
    private readonly DateTimeOffset _day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private StageInputs _inputs = null!;
    private FeedParser _feedParser = null!;
    private ArticleExtractor _extractor = null!;
    private ThemeTagger _tagger = null!;
    private ExtractiveSummarizer _summarizer = null!;
    private StoryMatcher _matcher = null!;
    private LiteDbNewsStore _store = null!;
    private string _folder = null!;
    private Article[] _dayArticles = null!;
    private Article _probe = null!;
    private int _next = StoreArticles;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new StageInputs();
        _feedParser = new FeedParser();
        _extractor = new ArticleExtractor();
        _tagger = new ThemeTagger(Taxonomy.LoadDefault());
        _summarizer = new ExtractiveSummarizer();
        _matcher = new StoryMatcher();
        _folder = Directory.CreateTempSubdirectory("newsdesk-stagebench-").FullName;
        _store = new LiteDbNewsStore(Path.Combine(_folder, "bench.db"));
        _store.InsertMany(Enumerable.Range(0, StoreArticles).Select(i => _inputs.Article(i, _day.AddMinutes(i * 1440.0 / 600), _tagger, _summarizer, _matcher)));
        _dayArticles = [.. _store.Query(new ArticleQuery { Since = _day, Until = _day.AddDays(1) })];
        _probe = _inputs.Article(StoreArticles * 10, _day.AddHours(12), _tagger, _summarizer, _matcher);
    }

    [Benchmark(Description = "feed parse (3 sample feeds)")]
    public int FeedParse() => _inputs.Feeds.Sum(f => _feedParser.Parse(f).Entries.Count);

    [Benchmark(Description = "extraction (one sample page, mean)")]
    public int Extraction() => _inputs.Pages.Sum(p => _extractor.Extract(p, "text/html; charset=utf-8", new Uri("https://example.org/a")).Text.Length) / _inputs.Pages.Length;

    [Benchmark(Description = "tagging (one article)")]
    public int Tagging() => _tagger.Tag(TagInputs.From(_probe.Title, _probe.Description, _probe.Text)).Tags.Length;

    [Benchmark(Description = "summary (one article)")]
    public int Summary() => _summarizer.Summarize(_probe.Text, _probe.Title, _probe.Url).Sentences.Length;

    [Benchmark(Description = "story matching (one article vs store of 2,000)")]
    public int StoryMatching()
    {
        var lede = _probe.Description ?? "";
        var signature = _matcher.Sign(_probe.Title, lede, StoryEntities.Find(_probe.Title, lede));
        var keys = _matcher.BandKeys(signature);
        return _store.FindStoryCandidates(keys, _probe.EffectiveDate.AddDays(-3))
            .Count(c => _matcher.IsSameStory(signature, _probe.EffectiveDate, c.Signature, c.Date));
    }

    [Benchmark(Description = "LiteDB insert (one article)")]
    public bool StoreInsert()
    {
        var index = Interlocked.Increment(ref _next);
        return _store.Save(_probe with { Id = $"new-{index}", Url = $"https://new.example.org/{index}" });
    }

    [Benchmark(Description = "LiteDB query (a day's articles, date index)")]
    public int StoreQuery() => _store.Query(new ArticleQuery { Since = _day, Until = _day.AddDays(1) }).Count();

    [Benchmark(Description = "LiteDB URL look-up")]
    public bool StoreFindByUrl() => _store.FindByUrl("https://site7.example.org/7") is not null;

    [Benchmark(Description = "digest build + render md/html/json (600 articles)")]
    public int DigestRender()
    {
        var digest = new DigestBuilder(_store, TimeProvider.System).Build(DateOnly.FromDateTime(_day.UtcDateTime), TimeZoneInfo.Utc, _dayArticles);
        return MarkdownDigestRenderer.Render(digest, false).Length + HtmlDigestRenderer.Render(digest, false).Length + JsonDigestRenderer.Render(digest).Length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>ShortRun (3 warm-ups, 3 iterations, 1 launch) in this process: minutes for the whole set.</summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
