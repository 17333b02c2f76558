using NewsDesk.Text;

namespace NewsDesk.Stories;

/// <summary>The words story matching compares: content words, with the ones every report on the beat uses set apart.</summary>
internal static class StoryTerms
{
    // NewsDesk follows AI cooperation, so these words are in nearly every item and tell stories apart not at all.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "ai", "artificial", "intelligence", "technology", "tech", "news", "report", "global", "world",
        "international", "country", "government", "first", "plan", "week", "month", "announce", "announced",
        "launch", "launche", "launched", "new", "latest", "update", "help", "make", "set", "use", "work",
        "press", "release", "statement", "minister", "official",
    };

    public static IEnumerable<string> Of(string text) => StopWords.ContentTerms(text, keepNumbers: true);

    public static bool IsGeneric(string term) => Generic.Contains(term);
}
