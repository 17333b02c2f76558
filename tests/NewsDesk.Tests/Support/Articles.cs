using NewsDesk.Storage;
using NewsDesk.Summaries;
using NewsDesk.Tagging;

namespace NewsDesk.Tests.Support;

/// <summary>Stored articles for tests of the stages after ingest.</summary>
public static class Articles
{
    public static Article Make(string id, string title, DateTimeOffset published, string[]? themes = null, string? story = null, string kind = "press", string feed = "feed-a", string? text = null)
    {
        var body = text ?? $"{title}. More text about the announcement follows here.";
        return new Article
        {
            Id = id,
            FeedId = feed,
            SourceKind = kind,
            Source = kind == "government" ? "GOV.UK" : "TechPress",
            Url = $"https://example.org/{id}",
            Title = title,
            Published = published,
            Ingested = published.AddMinutes(5),
            LastUpdated = published.AddMinutes(5),
            Text = body,
            Tags = (themes ?? []).Select(t => new ThemeTag
            {
                Theme = t,
                Score = 0.8,
                Evidence = [new TagEvidence { Phrase = "memorandum", Sentence = title, Field = "title", Offset = 0 }],
            }).ToArray(),
            Themes = themes ?? [],
            Parties = ["United Kingdom", "India"],
            Countries = ["United Kingdom", "India"],
            Organisations = ["AI Security Institute"],
            Summary = new Summary { Sentences = [new SummarySentence { Text = title + ".", SentenceIndex = 0, Start = 0, Length = title.Length + 1, SourceUrl = $"https://example.org/{id}" }] },
            StoryId = story ?? id,
        };
    }
}
