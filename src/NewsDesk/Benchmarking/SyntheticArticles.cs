using System.Globalization;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Stories;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Benchmarking;

/// <summary>
/// Stored articles as the pipeline writes them (text, tags with evidence, parties, summary, story signature and
/// keys), made directly rather than ingested, to fill stores of 1,000–100,000 for the digest and story benches.
/// Reports of one story share its facts (<see cref="SyntheticStory"/>), about 2.5 reports per story.
/// </summary>
internal static class SyntheticArticles
{
    private static readonly string[] Themes = ["coalition", "bilateral", "regional", "standards", "research", "talent", "safety_ethics", "regulation"];

    /// <param name="index">Which article (0-based); its story is index × 2 / 5, so neighbours share stories.</param>
    /// <param name="published">When it was published.</param>
    public static Article Make(int index, DateTimeOffset published, StoryMatcher matcher)
    {
        var random = new Random(BenchHash.Seed("article-" + index));
        var storyNumber = index * 2 / 5;
        var story = SyntheticStory.For(storyNumber);
        var feed = random.Next(300);
        var url = string.Create(CultureInfo.InvariantCulture, $"https://site{feed}.example.org/{published:yyyy/MM/dd}/report-{index}");
        var title = story.Fill(SyntheticStory.Pick(random, BenchVocabulary.Headlines));
        var lede = story.Fill("{A} and {B} will work together on {T} under the {P}, with the {O} following the talks closely.");
        var sentences = Enumerable.Range(0, 14 + random.Next(14)).Select(i => random.Next(10) < 5
            ? story.Fill(SyntheticStory.Pick(random, BenchVocabulary.StorySentences))
            : SyntheticStory.Pick(random, BenchVocabulary.FillerSentences)).ToList();
        var text = lede + "\n\n" + string.Join(' ', sentences);
        var themes = Themes.Where(_ => random.NextDouble() < 0.25).DefaultIfEmpty(Themes[storyNumber % Themes.Length]).ToArray();
        var parties = new[] { story.A, story.B };
        var signature = matcher.Sign(title, lede, StoryEntities.Find(title, lede));
        var id = ArticleIdentity.IdFor(url);
        return new Article
        {
            Id = id,
            FeedId = string.Create(CultureInfo.InvariantCulture, $"feed-{feed}"),
            SourceKind = feed % 5 == 0 ? "government" : "press",
            Source = string.Create(CultureInfo.InvariantCulture, $"Site {feed} News"),
            Url = url,
            Title = title,
            Byline = "Staff Reporter",
            Published = published,
            Ingested = published.AddMinutes(5),
            LastUpdated = published.AddMinutes(5),
            Description = lede,
            Language = "en",
            Text = text,
            TextSource = "page",
            ContentHash = ArticleIdentity.Hash(title, text),
            Tags = [.. themes.Select(t => new ThemeTag
            {
                Theme = t,
                Score = Math.Round(1 + random.NextDouble(), 2),
                Evidence = [new TagEvidence { Phrase = story.Topic, Sentence = sentences[0], Field = "text", Offset = lede.Length + 2 }],
            })],
            Themes = themes,
            Parties = parties,
            Countries = parties,
            Organisations = [story.Organisation],
            Summary = new Summary
            {
                Sentences = [.. sentences.Take(3).Select((s, i) => new SummarySentence { Text = s, SentenceIndex = i + 1, Start = text.IndexOf(s, StringComparison.Ordinal), Length = s.Length, SourceUrl = url })],
            },
            StorySignature = signature,
            StoryKeys = matcher.BandKeys(signature),
            // Reports of one story that sit next to each other share the id of the first, as matching would give.
            StoryId = ArticleIdentity.IdFor(string.Create(CultureInfo.InvariantCulture, $"https://story.example.org/{storyNumber}")),
        };
    }
}
