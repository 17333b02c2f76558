using System.Globalization;
using System.Text;
using NewsDesk.Pipeline;
using NewsDesk.Storage;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Benchmarking;

/// <summary>
/// Fills a store with synthetic but realistically shaped articles (3–6 KB of text, tags with evidence, parties,
/// organisations, summaries, stories of 1–3 reports) for measuring export, queries and the digest at scale.
/// Deterministic for a given seed. `bench seed` uses it, and the export figures in docs/benchmarks.md were measured on
/// its output; <see cref="SyntheticArticles"/> adds real story signatures, for the story and digest benchmarks.
/// </summary>
public static class SyntheticStore
{
    private static readonly string[] Themes = ["coalition", "bilateral", "regional", "standards", "research", "talent", "safety_ethics", "regulation"];
    private static readonly string[] Countries = ["United Kingdom", "India", "United States", "Japan", "France", "Germany", "Canada", "Singapore", "Kenya", "Brazil", "European Union", "South Korea"];
    private static readonly string[] Organisations = ["AI Security Institute", "ISO/IEC", "NIST", "OECD", "G7", "ASEAN", "European Commission", "IndiaAI Safety Institute"];
    private static readonly string[] Words = ("agreement memorandum institutes safety research standards testing models evaluation cooperation partners government ministers " +
        "signed framework joint programme funding talent skills exchange code practice regulation rules transparency disclosure audit network summit declaration").Split(' ');

    private const int YearInMinutes = 60 * 24 * 365;

    /// <summary>Stores <paramref name="count"/> articles spread over the year before <paramref name="end"/>.</summary>
    /// <param name="order">
    /// <see cref="SeedOrder.Ingest"/> stores them as the worker does, in the order they were ingested, each published
    /// 5 minutes to 12 hours before; <see cref="SeedOrder.Shuffled"/> stores them in an order unrelated to their dates.
    /// </param>
    public static int Seed(INewsStore store, int count, DateTimeOffset end, SeedOrder order = SeedOrder.Ingest, int seed = 20261123)
    {
        var random = new Random(seed);
        return store.InsertMany(Enumerable.Range(0, count).Select(i => Make(i, count, random, end, order)));
    }

    private static Article Make(int i, int count, Random random, DateTimeOffset end, SeedOrder order)
    {
        var url = $"https://news{i % 40}.example.org/2026/{i}/ai-cooperation-story-{i}";
        DateTimeOffset published, ingested;
        if (order == SeedOrder.Shuffled)
        {
            published = end.AddMinutes(-random.Next(0, YearInMinutes));
            ingested = published.AddMinutes(7);
        }
        else
        {
            ingested = end.AddMinutes(-(double)YearInMinutes * (count - i) / count);
            published = ingested.AddMinutes(-random.Next(5, 12 * 60));
        }

        var a = Countries[random.Next(Countries.Length)];
        var b = Countries[random.Next(Countries.Length)];
        var title = $"{a} and {b} sign {Words[random.Next(Words.Length)]} on AI {Words[random.Next(Words.Length)]} ({i})";
        var text = Text(random, 3000 + random.Next(3000));
        var themes = Themes.Where(_ => random.NextDouble() < 0.22).ToArray();
        var sentence = text[..Math.Min(160, text.Length)];
        return new Article
        {
            Id = ArticleIdentity.IdFor(url),
            FeedId = $"feed-{i % 300}",
            SourceKind = i % 5 == 0 ? "government" : "press",
            Source = $"News {i % 40}",
            Url = url,
            Title = title,
            Byline = "Staff reporter",
            Published = published,
            Ingested = ingested,
            LastUpdated = ingested,
            Description = sentence,
            Language = "en",
            Text = text,
            TextSource = "page",
            ContentHash = ArticleIdentity.Hash(title, text),
            Tags = [.. themes.Select(t => new ThemeTag
            {
                Theme = t,
                Score = Math.Round(0.5 + (random.NextDouble() / 2), 3),
                Evidence = [new TagEvidence { Phrase = Words[random.Next(Words.Length)], Sentence = sentence, Field = "lede", Offset = 10 }],
            })],
            Themes = themes,
            Parties = a == b ? [a] : [a, b],
            Countries = a == b ? [a] : [a, b],
            Organisations = [Organisations[random.Next(Organisations.Length)]],
            Summary = new Summary { Sentences = [new SummarySentence { Text = sentence, SentenceIndex = 0, Start = 0, Length = sentence.Length, SourceUrl = url }] },
            StoryId = ArticleIdentity.IdFor($"https://news{(i - (i % 3)) % 40}.example.org/2026/{i - (i % 3)}/ai-cooperation-story-{i - (i % 3)}"),
        };
    }

    private static string Text(Random random, int length)
    {
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            var words = 12 + random.Next(14);
            for (var w = 0; w < words; w++)
            {
                text.Append(w == 0 ? Capital(Words[random.Next(Words.Length)]) : Words[random.Next(Words.Length)]).Append(' ');
            }

            text.Length--;
            text.Append(random.Next(6) == 0 ? ".\n\n" : ". ");
        }

        return text.ToString().TrimEnd();
    }

    private static string Capital(string word) => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
